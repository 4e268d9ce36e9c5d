using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>The single-row path (PredictionEngine and other row-to-row consumers).</summary>
internal sealed class FeaturizingRowMapper : IRowToRowMapper
{
    private readonly FeaturizingTransformer _transformer;
    private readonly DataViewSchema.Column _source;

    public FeaturizingRowMapper(FeaturizingTransformer transformer, DataViewSchema inputSchema)
    {
        _transformer = transformer;
        InputSchema = inputSchema;
        OutputSchema = transformer.GetOutputSchema(inputSchema);
        _source = inputSchema[transformer.InputColumnName];
    }

    public DataViewSchema InputSchema { get; }
    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var result = new HashSet<int>();
        foreach (var column in dependingColumns)
            result.Add(column.Index < InputSchema.Count ? column.Index : _source.Index);
        return result.OrderBy(i => i).Select(i => InputSchema[i]);
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new FeaturizedRow(_transformer, OutputSchema, input, _source, activeColumns.Select(c => c.Index).ToHashSet());

    private sealed class FeaturizedRow : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly HashSet<int> _active;
        private readonly int _inputCount;
        private readonly Featurizer? _featurizer;
        private readonly FeatureBatch? _batch;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _sourceGetter;
        private long _computedPosition = -1;
        private string? _computedValue;

        public FeaturizedRow(FeaturizingTransformer transformer, DataViewSchema schema, DataViewRow input,
            DataViewSchema.Column source, HashSet<int> active)
        {
            Schema = schema;
            _input = input;
            _active = active;
            _inputCount = input.Schema.Count;
            if (active.Any(i => i >= _inputCount))
            {
                _featurizer = transformer.CreateFeaturizer();
                _batch = new FeatureBatch(transformer.OutputColumns, 1);
                _sourceGetter = input.GetGetter<ReadOnlyMemory<char>>(source);
            }
        }

        public override DataViewSchema Schema { get; }
        public override long Position => _input.Position;
        public override long Batch => _input.Batch;
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (!IsColumnActive(column))
                throw new InvalidOperationException($"Column '{column.Name}' was not requested when the row was created.");
            if (column.Index < _inputCount) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
            if (typeof(TValue) != typeof(VBuffer<float>))
                throw new InvalidOperationException($"Column '{column.Name}' holds Vector<Single>; a getter of {typeof(TValue).Name} was requested.");

            int output = column.Index - _inputCount;
            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                EnsureComputed();
                _batch!.CopyRow(output, 0, ref value);
            };
            return (ValueGetter<TValue>)(Delegate)getter;
        }

        // Recompute when either the position or the value changed: some hosts reuse one input row
        // object with a fixed position for successive predictions.
        private void EnsureComputed()
        {
            ReadOnlyMemory<char> raw = default;
            _sourceGetter!(ref raw);
            string value = raw.ToString();
            if (_computedPosition == _input.Position && _computedValue == value) return;
            _batch!.Inputs.Clear();
            _batch.Inputs.Add(new FeaturizerInput(value, _input.Position));
            _batch.Compute(_featurizer!);
            _computedPosition = _input.Position;
            _computedValue = value;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _featurizer?.Dispose();
            base.Dispose(disposing);
        }
    }
}
