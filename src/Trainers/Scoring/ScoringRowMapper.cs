using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Scoring;

/// <summary>The single-row path of <see cref="TorchScoringTransformer"/> (PredictionEngine).</summary>
internal sealed class ScoringRowMapper(TorchScoringTransformer transformer, DataViewSchema inputSchema) : IRowToRowMapper
{
    public DataViewSchema InputSchema { get; } = inputSchema;
    public DataViewSchema OutputSchema { get; } = transformer.GetOutputSchema(inputSchema);

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var needed = new HashSet<int>();
        foreach (var column in dependingColumns)
        {
            if (column.Index < InputSchema.Count) needed.Add(column.Index);
            else foreach (var feature in transformer.FeatureColumns) needed.Add(InputSchema[feature].Index);
        }
        return needed.OrderBy(i => i).Select(i => InputSchema[i]);
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns)
    {
        var active = activeColumns.Select(c => c.Index).ToHashSet();
        return new ScoredRow(OutputSchema, input, active, new RowScorer(transformer, input, active.Any(i => i >= InputSchema.Count)));
    }

    private sealed class ScoredRow(DataViewSchema schema, DataViewRow input, HashSet<int> active, RowScorer scorer) : DataViewRow
    {
        public override DataViewSchema Schema => schema;
        public override long Position => input.Position;
        public override long Batch => input.Batch;
        public override ValueGetter<DataViewRowId> GetIdGetter() => input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => active.Contains(column.Index);
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => scorer.GetGetter<TValue>(column);
    }
}
