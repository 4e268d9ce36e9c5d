using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>The lazy <see cref="IDataView"/> returned by <see cref="FeaturizingTransformer.Transform"/>.</summary>
internal sealed class FeaturizedDataView : IDataView
{
    private readonly FeaturizingTransformer _transformer;
    private readonly IDataView _input;

    public FeaturizedDataView(FeaturizingTransformer transformer, IDataView input)
    {
        _transformer = transformer;
        _input = input;
        Schema = transformer.GetOutputSchema(input.Schema);
        SourceColumn = input.Schema[transformer.InputColumnName];
    }

    public DataViewSchema Schema { get; }
    internal DataViewSchema.Column SourceColumn { get; }
    public bool CanShuffle => _input.CanShuffle;
    public long? GetRowCount() => _input.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var needed = columnsNeeded.Select(c => c.Index).ToHashSet();
        int inputCount = _input.Schema.Count;
        bool anyOutput = needed.Any(i => i >= inputCount);

        var inputColumns = _input.Schema.Where(c => needed.Contains(c.Index)).ToList();
        if (anyOutput && !inputColumns.Contains(SourceColumn)) inputColumns.Add(SourceColumn);
        var inputCursor = _input.GetRowCursor(inputColumns, rand);

        // Batching reads ahead with a second cursor in the same order; a shuffled request has no
        // such guarantee, so it featurizes row by row.
        DataViewRowCursor? lookahead = anyOutput && rand == null && _transformer.BatchSize > 1
            ? _input.GetRowCursor(new[] { SourceColumn })
            : null;
        var progress = anyOutput && _transformer.Progress is { } p ? new ProgressThrottle(p, _transformer.ProgressName, _input.GetRowCount()) : null;
        return new FeaturizedCursor(_transformer, Schema, inputCursor, lookahead, SourceColumn, needed, inputCount, progress);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };
}
