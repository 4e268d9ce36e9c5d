using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>Inputs and output buffers of one featurized batch (row-major per output column).</summary>
internal sealed class FeatureBatch
{
    private readonly IReadOnlyList<FeatureColumn> _columns;
    private readonly float[][] _outputs;

    public FeatureBatch(IReadOnlyList<FeatureColumn> columns, int capacity)
    {
        _columns = columns;
        Capacity = capacity;
        Inputs = new List<FeaturizerInput>(capacity);
        _outputs = columns.Select(c => new float[checked(c.Size * capacity)]).ToArray();
    }

    public int Capacity { get; }
    public List<FeaturizerInput> Inputs { get; }
    public int Count => Inputs.Count;

    public void Compute(Featurizer featurizer)
    {
        foreach (var output in _outputs) Array.Clear(output);
        featurizer.Featurize(Inputs, _outputs);
    }

    public void CopyRow(int column, int row, ref VBuffer<float> value)
    {
        int size = _columns[column].Size;
        var editor = VBufferEditor.Create(ref value, size);
        _outputs[column].AsSpan(row * size, size).CopyTo(editor.Values);
        value = editor.Commit();
    }
}
