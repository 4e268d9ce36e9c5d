using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Batches read from an <see cref="IDataView"/> on every pass, for data larger than memory (for
/// example features saved once with <c>msa featurize</c> and loaded from the .idv file).
/// Shuffling is ML.NET's <c>ShuffleRows</c> with a pool of <see cref="ShufflePoolSize"/> rows,
/// seeded from the training loop's random source.
/// </summary>
public sealed class DataViewBatchSource : IBatchSource
{
    public const int ShufflePoolSize = 4096;

    private readonly MLContext _context;
    private readonly IDataView _data;
    private readonly string[] _featureColumns;
    private readonly int[][] _shapes;
    private readonly string _labelColumn;
    private readonly bool _regression;

    /// <summary>Batches of <paramref name="featureColumns"/> and <paramref name="labelColumn"/>: a key label, or with <paramref name="regression"/> a Single target.</summary>
    public DataViewBatchSource(MLContext context, IDataView data, IReadOnlyList<string> featureColumns, string labelColumn, bool regression = false)
    {
        _context = context;
        _data = data;
        _featureColumns = featureColumns.ToArray();
        _shapes = _featureColumns.Select(c => FeatureReader.RowShape(data.Schema, c)).ToArray();
        _labelColumn = labelColumn;
        _regression = regression;
        if (regression) FeatureReader.RequireRegressionLabel(data.Schema, labelColumn);
        else FeatureReader.ClassNames(data.Schema, labelColumn);
    }

    public IReadOnlyList<int[]> RowShapes => _shapes;

    public IEnumerable<TrainingBatch> Batches(int batchSize, Random? shuffle, Device device)
    {
        var view = shuffle == null ? _data : _context.Data.ShuffleRows(_data, seed: shuffle.Next(), shufflePoolSize: ShufflePoolSize);
        var schema = view.Schema;
        var sizes = _shapes.Select(s => s.Aggregate(1, (a, b) => a * b)).ToArray();
        var columns = _featureColumns.Select(c => schema[c]).Append(schema[_labelColumn]).ToArray();
        using var cursor = view.GetRowCursor(columns);
        var getters = _featureColumns.Select(c => cursor.GetGetter<VBuffer<float>>(schema[c])).ToArray();
        var labelGetter = _regression ? null : cursor.GetGetter<uint>(schema[_labelColumn]);
        var targetGetter = _regression ? cursor.GetGetter<float>(schema[_labelColumn]) : null;
        var buffers = sizes.Select(size => new float[batchSize * size]).ToArray();
        var labels = new long[batchSize];
        var targets = new float[batchSize];
        float target = 0;
        VBuffer<float> value = default;
        uint key = 0;
        int count = 0;
        while (cursor.MoveNext())
        {
            for (int i = 0; i < getters.Length; i++)
            {
                getters[i](ref value);
                value.CopyTo(buffers[i].AsSpan(count * sizes[i], sizes[i]));
            }
            if (targetGetter != null)
            {
                targetGetter(ref target);
                if (!float.IsFinite(target)) throw new InvalidDataException($"Label column '{_labelColumn}', row {cursor.Position}: the target is {target}. Filter such rows out before training.");
                targets[count++] = target;
            }
            else
            {
                labelGetter!(ref key);
                if (key == 0) throw new InvalidDataException($"Label column '{_labelColumn}', row {cursor.Position}: missing label (key 0). Filter such rows out before training.");
                labels[count++] = key - 1;
            }
            if (count == batchSize)
            {
                yield return Make(buffers, labels, targets, count, device);
                count = 0;
            }
        }
        if (count > 0) yield return Make(buffers, labels, targets, count, device);
    }

    private TrainingBatch Make(float[][] buffers, long[] labels, float[] targets, int count, Device device)
    {
        var inputs = new Tensor[buffers.Length];
        for (int i = 0; i < buffers.Length; i++)
        {
            int size = buffers[i].Length / labels.Length;
            long[] shape = _shapes[i].Select(d => (long)d).Prepend(count).ToArray();
            inputs[i] = tensor(buffers[i].AsSpan(0, count * size).ToArray(), shape).to(device);
        }
        var labelTensor = _regression ? tensor(targets.AsSpan(0, count).ToArray()) : tensor(labels.AsSpan(0, count).ToArray());
        return new TrainingBatch(inputs, labelTensor.to(device), count);
    }

    public int[] LabelCounts(int classes)
    {
        var counts = new int[classes];
        var column = _data.Schema[_labelColumn];
        using var cursor = _data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<uint>(column);
        uint key = 0;
        while (cursor.MoveNext())
        {
            getter(ref key);
            if (key > 0) counts[key - 1]++;
        }
        return counts;
    }
}
