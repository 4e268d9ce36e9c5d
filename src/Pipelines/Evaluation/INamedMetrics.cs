namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// A set of metrics that can be listed by name, so runs can be aggregated (mean ± std), written to
/// result files and laid out as table columns without knowing the concrete metrics type.
/// </summary>
public interface INamedMetrics
{
    /// <summary>The metric values by name, in a stable display order. Names are those of <see cref="MetricNames"/> where one applies.</summary>
    IReadOnlyDictionary<string, double> ToNamedValues();
}
