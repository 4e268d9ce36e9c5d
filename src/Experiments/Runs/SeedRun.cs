namespace MsaMl.Experiments;

/// <summary>The outcome of one run of a multi-seed experiment.</summary>
/// <param name="Seed">The seed the run was given.</param>
/// <param name="Metrics">What the run measured.</param>
/// <param name="Elapsed">Wall-clock time of the run.</param>
public sealed record SeedRun<TMetrics>(int Seed, TMetrics Metrics, TimeSpan Elapsed) where TMetrics : INamedMetrics;
