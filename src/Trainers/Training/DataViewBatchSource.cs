using TorchSharp;
using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Batches read from an <see cref="IDataView"/> on every pass, for data larger than memory (for
/// example features saved once to an .idv file and loaded from it). A shuffled pass visits the rows
/// in exactly the order <see cref="TensorTable"/> would for the same random source (one
/// permutation of all rows), so streamed and in-memory training give the same batches: the
/// permutation is cut into windows of whole batches that fit <see cref="WindowBytes"/>, and each
/// window is gathered with one sequential pass over the view. An unshuffled pass reads one batch at
/// a time. The window buffers are allocated once and reused by every pass.
/// </summary>
public sealed class DataViewBatchSource : IBatchSource
{
    private readonly IDataView _data;
    private readonly string[] _featureColumns;
    private readonly int[][] _shapes;
    private readonly int[] _sizes;
    private readonly string _labelColumn;
    private readonly bool _regression;
    private readonly long _windowBytes;
    private List<Slot>? _window;
    private int _rows = -1;

    /// <summary>
    /// Batches of <paramref name="featureColumns"/> and <paramref name="labelColumn"/>: a key label, or with
    /// <paramref name="regression"/> a Single target. A shuffled pass holds at most about
    /// <paramref name="windowBytes"/> of features (at least one batch); null means <see cref="FeatureMemory.DefaultBudgetBytes"/>.
    /// </summary>
    public DataViewBatchSource(IDataView data, IReadOnlyList<string> featureColumns, string labelColumn, bool regression = false, long? windowBytes = null)
    {
        _data = data;
        _featureColumns = featureColumns.ToArray();
        _shapes = _featureColumns.Select(c => FeatureReader.RowShape(data.Schema, c)).ToArray();
        _sizes = _shapes.Select(s => s.Aggregate(1, (a, b) => a * b)).ToArray();
        _labelColumn = labelColumn;
        _regression = regression;
        _windowBytes = windowBytes ?? FeatureMemory.DefaultBudgetBytes;
        if (regression) FeatureReader.RequireRegressionLabel(data.Schema, labelColumn);
        else FeatureReader.ClassNames(data.Schema, labelColumn);
    }

    public IReadOnlyList<int[]> RowShapes => _shapes;

    /// <summary>The feature bytes a shuffled pass may hold.</summary>
    public long WindowBytes => _windowBytes;

    /// <summary>Rows of the view (counted once).</summary>
    public int Rows => _rows >= 0 ? _rows : _rows = checked((int)FeatureMemory.Rows(_data));

    /// <summary>Sequential passes over the view one shuffled pass makes (the windows) for <paramref name="batchSize"/>.</summary>
    public int PassesPerEpoch(int batchSize) => (int)Math.Ceiling(Rows / (double)(WindowBatches(batchSize) * batchSize));

    public IEnumerable<TrainingBatch> Batches(int batchSize, Random? shuffle, Device device)
    {
        if (shuffle == null) return Sequential(batchSize, device);
        // The same permutation as TensorTable.Batches, drawn when the pass starts.
        var order = Enumerable.Range(0, Rows).ToArray();
        shuffle.Shuffle(order);
        return Shuffled(order, batchSize, device);
    }

    private int WindowBatches(int batchSize)
    {
        long batchBytes = (long)batchSize * _sizes.Sum(s => (long)s) * sizeof(float);
        long fit = Math.Max(1, _windowBytes / Math.Max(1, batchBytes));
        return (int)Math.Min(fit, (Rows + batchSize - 1) / batchSize);
    }

    private IEnumerable<TrainingBatch> Shuffled(int[] order, int batchSize, Device device)
    {
        int perWindow = WindowBatches(batchSize);
        var window = Window(perWindow, batchSize);
        var slotOf = new int[order.Length];
        Array.Fill(slotOf, -1);
        for (int start = 0; start < order.Length; start += perWindow * batchSize)
        {
            int count = Math.Min(perWindow * batchSize, order.Length - start);
            int last = 0;
            for (int i = 0; i < count; i++)
            {
                slotOf[order[start + i]] = i;
                last = Math.Max(last, order[start + i]);
            }
            Gather(slotOf, last, window, batchSize);
            for (int i = 0; i < count; i++) slotOf[order[start + i]] = -1;
            for (int b = 0; b * batchSize < count; b++)
                yield return Make(window[b], Math.Min(batchSize, count - b * batchSize), device);
        }
    }

    /// <summary>One sequential pass up to row <paramref name="last"/>, copying each row whose slot is set into the window.</summary>
    private void Gather(int[] slotOf, int last, List<Slot> window, int batchSize)
    {
        using var reader = new RowReader(this);
        int row = 0;
        while (row <= last && reader.MoveNext())
        {
            int slot = slotOf[row++];
            if (slot >= 0) reader.Read(window[slot / batchSize], slot % batchSize);
        }
        if (row <= last) throw new InvalidOperationException($"The data view returned {row} rows on this pass but {Rows} before; streamed training needs the same rows on every pass.");
    }

    private IEnumerable<TrainingBatch> Sequential(int batchSize, Device device)
    {
        var slot = Window(1, batchSize)[0];
        using var reader = new RowReader(this);
        int count = 0;
        while (reader.MoveNext())
        {
            reader.Read(slot, count++);
            if (count == batchSize)
            {
                yield return Make(slot, count, device);
                count = 0;
            }
        }
        if (count > 0) yield return Make(slot, count, device);
    }

    private List<Slot> Window(int batches, int batchSize)
    {
        if (_window == null || _window[0].Labels.Length != batchSize) _window = new List<Slot>();
        while (_window.Count < batches) _window.Add(new Slot(_sizes.Select(size => new float[(long)batchSize * size]).ToArray(), new long[batchSize], new float[batchSize]));
        return _window;
    }

    private TrainingBatch Make(Slot slot, int count, Device device)
    {
        var inputs = new Tensor[_sizes.Length];
        for (int i = 0; i < _sizes.Length; i++)
        {
            var batch = HostTensors.Copy(slot.Features[i], count, _shapes[i]);
            inputs[i] = device.type == DeviceType.CPU ? batch : batch.to(device);
        }
        var labelTensor = _regression ? tensor(slot.Targets.AsSpan(0, count).ToArray()) : tensor(slot.Labels.AsSpan(0, count).ToArray());
        return new TrainingBatch(inputs, labelTensor.to(device), count);
    }

    public int[] LabelCounts(int classes) => ClassBalance.KeyCounts(_data, _data.Schema[_labelColumn], classes);

    /// <summary>One batch's buffers: features per column (row-major), labels, targets.</summary>
    private sealed record Slot(float[][] Features, long[] Labels, float[] Targets);

    /// <summary>A cursor over the features and label, reading a row into a slot only when asked.</summary>
    private sealed class RowReader : IDisposable
    {
        private readonly DataViewBatchSource _source;
        private readonly DataViewRowCursor _cursor;
        private readonly ValueGetter<VBuffer<float>>[] _getters;
        private readonly ValueGetter<uint>? _label;
        private readonly ValueGetter<float>? _target;
        private VBuffer<float> _value;

        public RowReader(DataViewBatchSource source)
        {
            _source = source;
            var schema = source._data.Schema;
            _cursor = source._data.GetRowCursor(source._featureColumns.Select(c => schema[c]).Append(schema[source._labelColumn]));
            _getters = source._featureColumns.Select(c => _cursor.GetGetter<VBuffer<float>>(schema[c])).ToArray();
            if (source._regression) _target = _cursor.GetGetter<float>(schema[source._labelColumn]);
            else _label = _cursor.GetGetter<uint>(schema[source._labelColumn]);
        }

        public bool MoveNext() => _cursor.MoveNext();

        public void Read(Slot slot, int index)
        {
            for (int i = 0; i < _getters.Length; i++)
            {
                int size = _source._sizes[i];
                _getters[i](ref _value);
                if (_value.Length != size) throw new InvalidDataException($"Feature column '{_source._featureColumns[i]}', row {_cursor.Position}: expected {size} values, got {_value.Length}.");
                _value.CopyTo(slot.Features[i].AsSpan(index * size, size));
            }
            string column = _source._labelColumn;
            if (_target != null)
            {
                float target = 0;
                _target(ref target);
                if (!float.IsFinite(target)) throw new InvalidDataException($"Label column '{column}', row {_cursor.Position}: the target is {target}. Filter such rows out before training.");
                slot.Targets[index] = target;
            }
            else
            {
                uint key = 0;
                _label!(ref key);
                if (key == 0) throw new InvalidDataException($"Label column '{column}', row {_cursor.Position}: missing label (key 0). Filter such rows out before training.");
                slot.Labels[index] = key - 1;
            }
        }

        public void Dispose() => _cursor.Dispose();
    }
}
