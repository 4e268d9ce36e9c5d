namespace MsaMl.Experiments;

/// <summary>One model's size and scoring cost.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Parameters">Number of trainable parameters (e.g. <see cref="ModelParameters.Count"/>).</param>
/// <param name="PeakMemoryMegabytes">Peak memory while scoring, in MB (1 MB = 2^20 bytes), e.g. <see cref="ScoringCost.PeakWorkingSetMegabytes"/>.</param>
/// <param name="MillisecondsPerRow">Mean scoring time per row.</param>
public sealed record ComplexityRow(string Model, long Parameters, double PeakMemoryMegabytes, double MillisecondsPerRow)
{
    /// <summary>A row from a parameter count and a measured scoring cost (its peak working set).</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="parameters">Number of trainable parameters.</param>
    /// <param name="cost">The measured scoring cost.</param>
    public static ComplexityRow From(string model, long parameters, ScoringCost cost)
    {
        ArgumentNullException.ThrowIfNull(cost);
        return new ComplexityRow(model, parameters, cost.PeakWorkingSetMegabytes, cost.MillisecondsPerRow);
    }
}
