using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Walks the input row by row, passing input columns through; output columns come from batches
/// featurized ahead of the current row.
/// </summary>
internal sealed class FeaturizedCursor : DataViewRowCursor
{
    private readonly FeaturizingTransformer _transformer;
    private readonly DataViewRowCursor _input;
    private readonly DataViewRowCursor? _lookahead;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _sourceGetter;
    private readonly ValueGetter<ReadOnlyMemory<char>>? _lookaheadGetter;
    private readonly HashSet<int> _active;
    private readonly int _inputCount;
    private readonly bool _anyOutput;
    private readonly Featurizer? _featurizer;
    private readonly FeatureBatch? _batch;
    private readonly ProgressThrottle? _progress;
    private int _rowInBatch;
    private bool _disposed;

    public FeaturizedCursor(FeaturizingTransformer transformer, DataViewSchema schema, DataViewRowCursor input,
        DataViewRowCursor? lookahead, DataViewSchema.Column source, HashSet<int> active, int inputCount, ProgressThrottle? progress = null)
    {
        _progress = progress;
        _transformer = transformer;
        Schema = schema;
        _input = input;
        _lookahead = lookahead;
        _active = active;
        _inputCount = inputCount;
        _anyOutput = active.Any(i => i >= inputCount);
        if (_anyOutput)
        {
            _featurizer = transformer.CreateFeaturizer();
            _batch = new FeatureBatch(transformer.OutputColumns, lookahead == null ? 1 : transformer.BatchSize);
            if (lookahead != null) _lookaheadGetter = lookahead.GetGetter<ReadOnlyMemory<char>>(source);
            else _sourceGetter = input.GetGetter<ReadOnlyMemory<char>>(source);
        }
    }

    public override DataViewSchema Schema { get; }
    public override long Position => _input.Position;
    public override long Batch => _input.Batch;
    public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
    public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

    public override bool MoveNext()
    {
        if (!_input.MoveNext())
        {
            _progress?.End();
            return false;
        }
        if (_anyOutput) Advance();
        return true;
    }

    private void Advance()
    {
        _rowInBatch++;
        if (_rowInBatch < _batch!.Count) return;

        var inputs = _batch.Inputs;
        inputs.Clear();
        if (_lookahead != null)
        {
            ReadOnlyMemory<char> value = default;
            while (inputs.Count < _batch.Capacity && _lookahead.MoveNext())
            {
                _lookaheadGetter!(ref value);
                inputs.Add(new FeaturizerInput(value.ToString(), _lookahead.Position));
            }
            if (inputs.Count == 0)
                throw new InvalidOperationException("The input data view returned fewer rows on a second pass; MsaMl transforms need a deterministic input order.");
        }
        else
        {
            ReadOnlyMemory<char> value = default;
            _sourceGetter!(ref value);
            inputs.Add(new FeaturizerInput(value.ToString(), _input.Position));
        }
        _batch.Compute(_featurizer!);
        _rowInBatch = 0;
        _progress?.Add(inputs.Count);
    }

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        if (!IsColumnActive(column))
            throw new InvalidOperationException($"Column '{column.Name}' was not requested when the cursor was created.");
        if (column.Index < _inputCount) return _input.GetGetter<TValue>(_input.Schema[column.Index]);

        int output = column.Index - _inputCount;
        if (typeof(TValue) != typeof(VBuffer<float>))
            throw new InvalidOperationException($"Column '{column.Name}' holds Vector<Single>; a getter of {typeof(TValue).Name} was requested.");
        ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) => _batch!.CopyRow(output, _rowInBatch, ref value);
        return (ValueGetter<TValue>)(Delegate)getter;
    }

    protected override void Dispose(bool disposing)
    {
        if (_disposed) return;
        _disposed = true;
        if (disposing)
        {
            _input.Dispose();
            _lookahead?.Dispose();
            _featurizer?.Dispose();
        }
        base.Dispose(disposing);
    }
}
