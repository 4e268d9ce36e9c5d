namespace MsaMl.Experiments.Configuration;

/// <summary>A validation split carved out of the training rows, speaker-disjoint and stratified by label (<see cref="GroupStratifiedSplit"/>).</summary>
public sealed class ValidationSplitOptions
{
    /// <summary>Target fraction of the training rows that become validation rows (0 &lt; fraction &lt; 1).</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Seed of the split (independent of the training seeds, so every seed sees the same split).</summary>
    public int Seed { get; set; } = 1;
}
