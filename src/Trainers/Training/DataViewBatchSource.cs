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

    public DataViewBatchSource(MLContext context, IDataView data, IReadOnlyList<string> featureColumns, string labelColumn)
    {
        _context = context;
        _data = data;
        _featureColumns = featureColumns.ToArray();
        _shapes = _featureColumns.Select(c => FeatureReader.RowShape(data.Schema, c)).ToArray();
        _labelColumn = labelColumn;
        FeatureReader.ClassNames(data.Schema, labelColumn);
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
        var labelGetter = cursor.GetGetter<uint>(schema[_labelColumn]);
        var buffers = sizes.Select(size => new float[batchSize * size]).ToArray();
        var labels = new long[batchSize];
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
            labelGetter(ref key);
            if (key == 0) throw new InvalidDataException($"Label column '{_labelColumn}', row {cursor.Position}: missing label (key 0). Filter such rows out before training.");
            labels[count++] = key - 1;
            if (count == batchSize)
            {
                yield return Make(buffers, labels, count, device);
                count = 0;
            }
        }
        if (count > 0) yield return Make(buffers, labels, count, device);
    }

    private TrainingBatch Make(float[][] buffers, long[] labels, int count, Device device)
    {
        var inputs = new Tensor[buffers.Length];
        for (int i = 0; i < buffers.Length; i++)
        {
            int size = buffers[i].Length / labels.Length;
            long[] shape = _shapes[i].Select(d => (long)d).Prepend(count).ToArray();
            inputs[i] = tensor(buffers[i].AsSpan(0, count * size).ToArray(), shape).to(device);
        }
        return new TrainingBatch(inputs, tensor(labels.AsSpan(0, count).ToArray()).to(device), count);
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
