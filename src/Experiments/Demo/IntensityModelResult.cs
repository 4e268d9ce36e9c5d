using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>One row of the demo's regression table: a sentiment-intensity model and MMSA's metrics on the test split.</summary>
public sealed record IntensityModelResult(string Task, string Model, MmsaRegressionMetrics Metrics, double SecondsToTrain, long Parameters);
