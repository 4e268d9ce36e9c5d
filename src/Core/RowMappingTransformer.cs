using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Base of MsaMl transformers that map each row on its own (scoring, fusion): they declare their
/// input columns and outputs and create a <see cref="RowMapper"/> over an input row; this class
/// implements <see cref="ITransformer"/>, <see cref="IRowToRowMapper"/> and the lazy
/// <see cref="IDataView"/> through ML.NET's public interfaces. (Featurizers that batch rows use
/// <see cref="FeaturizingTransformer"/>.)
/// </summary>
public abstract class RowMappingTransformer : IMsaTransformer
{
    public abstract string Kind { get; }
    public abstract JsonNode SaveOptions();
    public virtual IReadOnlyDictionary<string, byte[]> SaveArtifacts() => new Dictionary<string, byte[]>();
    public virtual IReadOnlyDictionary<string, string> SaveFiles() => new Dictionary<string, string>();

    /// <summary>The input columns the outputs are computed from.</summary>
    public abstract IReadOnlyList<string> InputColumnNames { get; }

    /// <summary>Checks the input columns (throwing with the column name, the expected and the actual type) and returns the outputs.</summary>
    protected abstract IReadOnlyList<OutputColumn> GetOutputColumns(DataViewSchema inputSchema);

    protected abstract RowMapper CreateRowMapper(DataViewRow input);

    public bool IsRowToRowMapper => true;

    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(inputSchema);
        foreach (var column in GetOutputColumns(inputSchema)) builder.AddColumn(column.Name, column.Type, column.Annotations);
        return builder.ToSchema();
    }

    public virtual IDataView Transform(IDataView input) => new MappedDataView(this, input);

    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new Mapper(this, inputSchema);

    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"'{Kind}' is an MsaMl transformer; ML.NET's model format does not accept third-party transformers. Save with mlContext.Msa().Model.Save(model, schema, path).");

    private IEnumerable<DataViewSchema.Column> Dependencies(DataViewSchema input, IEnumerable<int> outputIndexes)
    {
        var needed = new HashSet<int>();
        foreach (int index in outputIndexes)
        {
            if (index < input.Count) needed.Add(index);
            else foreach (var name in InputColumnNames)
                if (input.GetColumnOrNull(name) is { } column) needed.Add(column.Index); // an optional input (a group column) may be absent
        }
        return needed.OrderBy(i => i).Select(i => input[i]);
    }

    private sealed class MappedDataView(RowMappingTransformer transformer, IDataView input) : IDataView
    {
        public DataViewSchema Schema { get; } = transformer.GetOutputSchema(input.Schema);
        public bool CanShuffle => input.CanShuffle;
        public long? GetRowCount() => input.GetRowCount();

        public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
        {
            var active = columnsNeeded.Select(c => c.Index).ToHashSet();
            var cursor = input.GetRowCursor(transformer.Dependencies(input.Schema, active), rand);
            return new MappedCursor(Schema, cursor, new MappedRow(transformer, Schema, cursor, active));
        }

        public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
            new[] { GetRowCursor(columnsNeeded, rand) };
    }

    private sealed class Mapper(RowMappingTransformer transformer, DataViewSchema inputSchema) : IRowToRowMapper
    {
        public DataViewSchema InputSchema { get; } = inputSchema;
        public DataViewSchema OutputSchema { get; } = transformer.GetOutputSchema(inputSchema);

        public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns) =>
            transformer.Dependencies(InputSchema, dependingColumns.Select(c => c.Index));

        public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
            new MappedRow(transformer, OutputSchema, input, activeColumns.Select(c => c.Index).ToHashSet());
    }

    private sealed class MappedRow : DataViewRow
    {
        private readonly DataViewRow _input;
        private readonly HashSet<int> _active;
        private readonly RowMapper? _mapper;

        public MappedRow(RowMappingTransformer transformer, DataViewSchema schema, DataViewRow input, HashSet<int> active)
        {
            Schema = schema;
            _input = input;
            _active = active;
            if (active.Any(i => i >= input.Schema.Count)) _mapper = transformer.CreateRowMapper(input);
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
            int inputCount = _input.Schema.Count;
            if (column.Index < inputCount) return _input.GetGetter<TValue>(_input.Schema[column.Index]);
            return _mapper!.GetGetter(column.Index - inputCount) as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' holds {column.Type}; a getter of {typeof(TValue).Name} was requested.");
        }
    }

    private sealed class MappedCursor(DataViewSchema schema, DataViewRowCursor input, MappedRow row) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;
        public override long Position => input.Position;
        public override long Batch => input.Batch;
        public override bool MoveNext() => input.MoveNext();
        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => row.IsColumnActive(column);
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => row.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) input.Dispose();
            base.Dispose(disposing);
        }
    }
}
