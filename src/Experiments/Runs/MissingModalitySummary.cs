namespace MsaMl.Experiments;

/// <summary>One row of the missing-modality table: each metric's mean ± std over the seeds or folds with <paramref name="Missing"/> empty.</summary>
/// <param name="Given">The modalities the model still received.</param>
/// <param name="Missing">The modalities emptied.</param>
/// <param name="Summary">Each metric over the runs.</param>
public sealed record MissingModalitySummary(Modalities Given, Modalities Missing, IReadOnlyDictionary<string, MetricSummary> Summary)
{
    /// <summary>The rows of the table from every run's blanked metrics (runs list their subsets in the same order).</summary>
    public static IReadOnlyList<MissingModalitySummary> Summarize(IReadOnlyList<IReadOnlyList<MissingModalityMetrics>> runs) =>
        runs.Count == 0 ? [] : runs[0].Select((first, i) => new MissingModalitySummary(first.Given, first.Missing,
            MetricAggregation.Summarize(runs.Select(run => run[i].Metrics)))).ToList();
}
