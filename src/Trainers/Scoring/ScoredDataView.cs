using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Scoring;

/// <summary>The lazy output of <see cref="TorchScoringTransformer.Transform"/>.</summary>
internal sealed class ScoredDataView(TorchScoringTransformer transformer, IDataView input) : IDataView
{
    public DataViewSchema Schema { get; } = transformer.GetOutputSchema(input.Schema);
    public bool CanShuffle => input.CanShuffle;
    public long? GetRowCount() => input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var active = columnsNeeded.Select(c => c.Index).ToHashSet();
        int inputCount = input.Schema.Count;
        bool scores = active.Any(i => i >= inputCount);
        var inputColumns = input.Schema.Where(c => active.Contains(c.Index)
            || (scores && transformer.FeatureColumns.Contains(c.Name) && input.Schema[c.Name].Index == c.Index));
        return new ScoredCursor(transformer, Schema, input.GetRowCursor(inputColumns, rand), active, scores);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    private sealed class ScoredCursor : DataViewRowCursor
    {
        private readonly DataViewRowCursor _input;
        private readonly HashSet<int> _active;
        private readonly RowScorer _scorer;

        public ScoredCursor(TorchScoringTransformer transformer, DataViewSchema schema, DataViewRowCursor input, HashSet<int> active, bool scores)
        {
            Schema = schema;
            _input = input;
            _active = active;
            _scorer = new RowScorer(transformer, input, scores);
        }

        public override DataViewSchema Schema { get; }
        public override long Position => _input.Position;
        public override long Batch => _input.Batch;
        public override bool MoveNext() => _input.MoveNext();
        public override ValueGetter<DataViewRowId> GetIdGetter() => _input.GetIdGetter();
        public override bool IsColumnActive(DataViewSchema.Column column) => _active.Contains(column.Index);
        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _scorer.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) _input.Dispose();
            base.Dispose(disposing);
        }
    }
}
