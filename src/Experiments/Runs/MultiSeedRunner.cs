using System.Diagnostics;

namespace MsaMl.Experiments;

/// <summary>
/// Repeats an experiment with several seeds and aggregates its metrics, the usual way to report
/// results that depend on initialization and shuffling (mean ± std over 5 seeds by default).
/// </summary>
public static class MultiSeedRunner
{
    /// <summary>The seeds used when none are given: 1, 2, 3, 4, 5.</summary>
    public static IReadOnlyList<int> DefaultSeeds { get; } = new[] { 1, 2, 3, 4, 5 };

    /// <summary>Runs <paramref name="runWithSeed"/> once per seed, one after the other, and aggregates the metrics.</summary>
    /// <param name="runWithSeed">Trains and evaluates with the given seed (typically <c>new MLContext(seed)</c>) and returns the metrics.</param>
    /// <param name="seeds">The seeds; null = <see cref="DefaultSeeds"/>. Must be distinct.</param>
    /// <param name="progress">Told after each run.</param>
    /// <param name="cancellationToken">Checked before each run.</param>
    public static MultiSeedResult<TMetrics> Run<TMetrics>(Func<int, TMetrics> runWithSeed, IEnumerable<int>? seeds = null,
        IProgress<SeedRun<TMetrics>>? progress = null, CancellationToken cancellationToken = default)
        where TMetrics : INamedMetrics
    {
        ArgumentNullException.ThrowIfNull(runWithSeed);
        var seedList = (seeds ?? DefaultSeeds).ToArray();
        if (seedList.Length == 0)
            throw new ArgumentException("At least one seed is needed.", nameof(seeds));
        if (seedList.Distinct().Count() != seedList.Length)
            throw new ArgumentException($"Seeds must be distinct: {string.Join(", ", seedList)}.", nameof(seeds));

        var runs = new List<SeedRun<TMetrics>>(seedList.Length);
        foreach (int seed in seedList)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var metrics = runWithSeed(seed);
            var run = new SeedRun<TMetrics>(seed, metrics, clock.Elapsed);
            runs.Add(run);
            progress?.Report(run);
        }
        return new MultiSeedResult<TMetrics>(runs, MetricAggregation.Summarize(runs.Select(r => (INamedMetrics)r.Metrics)));
    }
}
