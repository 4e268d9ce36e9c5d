using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// The single-row path of a <see cref="FeaturizingTransformer"/>: featurizes the current input row
/// when one of its outputs is first read, once per row.
/// </summary>
internal sealed class SingleRowFeaturizer : RowMapper
{
    private readonly DataViewRow _input;
    private readonly Featurizer _featurizer;
    private readonly FeatureBatch _batch;
    private readonly ValueGetter<ReadOnlyMemory<char>> _source;
    private long _computedPosition = -1;
    private string? _computedValue;

    public SingleRowFeaturizer(FeaturizingTransformer transformer, DataViewRow input)
    {
        _input = input;
        _featurizer = transformer.CreateFeaturizer();
        _batch = new FeatureBatch(transformer.OutputColumns, 1);
        _source = input.GetGetter<ReadOnlyMemory<char>>(input.Schema[transformer.InputColumnName]);
    }

    public override Delegate GetGetter(int output) => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> value) =>
    {
        EnsureComputed();
        _batch.CopyRow(output, 0, ref value);
    });

    // Recompute when either the position or the value changed: some hosts reuse one input row
    // object with a fixed position for successive predictions.
    private void EnsureComputed()
    {
        ReadOnlyMemory<char> raw = default;
        _source(ref raw);
        string value = raw.ToString();
        if (_computedPosition == _input.Position && _computedValue == value) return;
        _batch.Inputs.Clear();
        _batch.Inputs.Add(new FeaturizerInput(value, _input.Position));
        _batch.Compute(_featurizer);
        _computedPosition = _input.Position;
        _computedValue = value;
    }
}
