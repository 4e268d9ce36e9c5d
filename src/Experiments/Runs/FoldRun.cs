namespace MsaMl.Experiments;

/// <summary>The outcome of one cross-validation fold.</summary>
/// <param name="TestKey">The held-out part, e.g. "Ses01".</param>
/// <param name="Metrics">What the fold measured on its test data.</param>
/// <param name="Elapsed">Wall-clock time of the fold.</param>
public sealed record FoldRun<TMetrics>(string TestKey, TMetrics Metrics, TimeSpan Elapsed) where TMetrics : INamedMetrics;
