namespace MsaMl.Experiments;

/// <summary>One run (a seed or a fold) as stored in a result file.</summary>
/// <param name="Key">"seed 3" for a seed run, the held-out session for a fold.</param>
/// <param name="Seed">The seed of a seed run; null for a fold.</param>
/// <param name="ElapsedSeconds">Wall-clock seconds of the run.</param>
/// <param name="Metrics">The run's metrics by name.</param>
public sealed record EvaluationRunRecord(string Key, int? Seed, double ElapsedSeconds, IReadOnlyDictionary<string, double> Metrics);
