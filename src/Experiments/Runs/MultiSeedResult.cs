namespace MsaMl.Experiments;

/// <summary>The runs of a multi-seed experiment and every metric aggregated over them (mean ± sample std).</summary>
/// <param name="Runs">One run per seed, in seed order.</param>
/// <param name="Summary">Each metric over the runs, by name.</param>
public sealed record MultiSeedResult<TMetrics>(IReadOnlyList<SeedRun<TMetrics>> Runs, IReadOnlyDictionary<string, MetricSummary> Summary)
    where TMetrics : INamedMetrics
{
    /// <summary>The seeds, in run order.</summary>
    public IReadOnlyList<int> Seeds => Runs.Select(r => r.Seed).ToArray();
}
