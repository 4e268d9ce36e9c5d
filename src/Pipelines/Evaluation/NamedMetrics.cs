namespace MsaMl.Pipelines.Evaluation;

/// <summary>Metrics given directly as name/value pairs, for user-defined measures that have no dedicated type.</summary>
/// <param name="Values">The metric values by name.</param>
public sealed record NamedMetrics(IReadOnlyDictionary<string, double> Values) : INamedMetrics
{
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, double> ToNamedValues() => Values;
}
