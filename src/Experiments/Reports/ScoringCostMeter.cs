using System.Diagnostics;
using System.Reflection;
using Microsoft.ML;

namespace MsaMl.Experiments;

/// <summary>
/// Measures milliseconds per row and peak memory (managed heap and process working set) around a
/// scoring call, for the complexity table of a report.
/// </summary>
public static class ScoringCostMeter
{
    private static readonly TimeSpan SamplingInterval = TimeSpan.FromMilliseconds(2);

    /// <summary>
    /// Scores <paramref name="data"/> with <paramref name="model"/>, reading every column of every
    /// row so that lazy transforms really run, after scoring <paramref name="warmupRows"/> rows untimed
    /// (JIT, first-call initialization).
    /// </summary>
    /// <param name="model">The fitted model.</param>
    /// <param name="data">The rows to score.</param>
    /// <param name="warmupRows">Rows scored before the timed pass; 0 for none.</param>
    public static ScoringCost Measure(ITransformer model, IDataView data, int warmupRows = 1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(warmupRows);
        var scored = model.Transform(data);
        if (warmupRows > 0)
            ReadAllColumns(scored, warmupRows);
        return Measure(() => ReadAllColumns(scored, long.MaxValue));
    }

    /// <summary>Times a scoring call and samples memory while it runs.</summary>
    /// <param name="scoreRows">Scores rows (e.g. a loop over a PredictionEngine) and returns how many.</param>
    public static ScoringCost Measure(Func<long> scoreRows)
    {
        ArgumentNullException.ThrowIfNull(scoreRows);
        long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        long rows;
        TimeSpan elapsed;
        var sampler = new MemoryPeakSampler(SamplingInterval);
        try
        {
            var clock = Stopwatch.StartNew();
            rows = scoreRows();
            elapsed = clock.Elapsed;
        }
        finally
        {
            sampler.Dispose();
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        return new ScoringCost(rows, elapsed, Megabytes(sampler.PeakManaged), Megabytes(sampler.PeakWorkingSet),
            Megabytes(sampler.BaselineManaged), Megabytes(sampler.BaselineWorkingSet), Megabytes(allocated));
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private static long ReadAllColumns(IDataView data, long maxRows)
    {
        var columns = data.Schema.Where(c => !c.IsHidden).ToArray();
        using var cursor = data.GetRowCursor(columns);
        var readers = columns.Select(c => ColumnReader(cursor, c)).ToArray();
        long rows = 0;
        while (rows < maxRows && cursor.MoveNext())
        {
            foreach (var read in readers)
                read();
            rows++;
        }
        return rows;
    }

    private static Action ColumnReader(DataViewRowCursor cursor, DataViewSchema.Column column) =>
        (Action)typeof(ScoringCostMeter)
            .GetMethod(nameof(TypedColumnReader), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(column.Type.RawType)
            .Invoke(null, new object[] { cursor, column })!;

    private static Action TypedColumnReader<T>(DataViewRowCursor cursor, DataViewSchema.Column column)
    {
        var getter = cursor.GetGetter<T>(column);
        T value = default!;
        return () => getter(ref value);
    }
}
