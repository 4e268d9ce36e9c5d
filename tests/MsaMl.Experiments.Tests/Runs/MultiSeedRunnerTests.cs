using MsaMl.Experiments;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments.Tests;

public sealed class MultiSeedRunnerTests
{
    [Fact]
    public void RunsFiveSeedsByDefaultAndAggregatesMeanAndSampleStd()
    {
        var seen = new List<int>();
        var result = MultiSeedRunner.Run(seed =>
        {
            seen.Add(seed);
            return new NamedMetrics(new Dictionary<string, double> { ["WA"] = seed / 10.0, ["UA"] = 0.5 });
        });

        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, seen);
        Assert.Equal(seen, result.Seeds);
        // WA = 0.1 .. 0.5: mean 0.3, sample variance (0.04 + 0.01 + 0 + 0.01 + 0.04) / 4 = 0.025.
        Assert.Equal(0.3, result.Summary["WA"].Mean, 12);
        Assert.Equal(Math.Sqrt(0.025), result.Summary["WA"].StandardDeviation, 12);
        Assert.Equal(0.0, result.Summary["UA"].StandardDeviation, 12);
        Assert.Equal(5, result.Summary["WA"].Count);
        Assert.Equal("0.3000 ± 0.1581", result.Summary["WA"].Format());
        Assert.Equal(new[] { "WA", "UA" }, result.Summary.Keys);
    }

    [Fact]
    public void MetricsMissingFromSomeRunsAreSummarizedOverTheRunsThatHaveThem()
    {
        var result = MultiSeedRunner.Run(seed => new NamedMetrics(seed == 7
            ? new Dictionary<string, double> { ["WA"] = 0.6 }
            : new Dictionary<string, double> { ["WA"] = 0.8, ["BinaryAUC"] = 0.9 }), new[] { 7, 8, 9 });

        Assert.Equal(3, result.Summary["WA"].Count);
        Assert.Equal(2, result.Summary["BinaryAUC"].Count);
        Assert.Equal(0.9, result.Summary["BinaryAUC"].Mean, 12);
        Assert.Equal("0.9000", MetricSummary.FromValues(new[] { 0.9 }).Format());
    }

    [Fact]
    public void RejectsDuplicateOrNoSeedsAndHonoursCancellation()
    {
        static NamedMetrics Run(int seed) => new(new Dictionary<string, double> { ["WA"] = 1 });
        Assert.Throws<ArgumentException>(() => MultiSeedRunner.Run(Run, new[] { 1, 1 }));
        Assert.Throws<ArgumentException>(() => MultiSeedRunner.Run(Run, Array.Empty<int>()));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.Throws<OperationCanceledException>(() => MultiSeedRunner.Run(Run, cancellationToken: cancelled.Token));
    }
}
