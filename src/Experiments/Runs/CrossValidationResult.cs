namespace MsaMl.Experiments;

/// <summary>The folds of a cross-validation and every metric aggregated over them (mean ± sample std).</summary>
/// <param name="Folds">One run per fold, in fold order.</param>
/// <param name="Summary">Each metric over the folds, by name.</param>
public sealed record CrossValidationResult<TMetrics>(IReadOnlyList<FoldRun<TMetrics>> Folds, IReadOnlyDictionary<string, MetricSummary> Summary)
    where TMetrics : INamedMetrics;
