namespace MsaMl.Experiments;

/// <summary>One model of an ablation table and its metrics (a single value or mean ± std each).</summary>
/// <param name="Model">The model's name as shown in the table, e.g. "text only", "AAT".</param>
/// <param name="Metrics">Its metrics by name.</param>
public sealed record AblationRow(string Model, IReadOnlyDictionary<string, MetricSummary> Metrics);
