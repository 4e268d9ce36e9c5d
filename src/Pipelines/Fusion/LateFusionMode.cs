namespace MsaMl.Pipelines.Fusion;

/// <summary>How late fusion combines the members' class probabilities.</summary>
public enum LateFusionMode
{
    /// <summary>Mean of the members' probabilities.</summary>
    Average,
    /// <summary>Weighted mean (weights in <see cref="LateFusionOptions.Weights"/>).</summary>
    WeightedAverage,
    /// <summary>Each member votes for its top class (weighted); ties go to the larger mean probability.</summary>
    MajorityVote,
    /// <summary>Outputs the members' probabilities side by side (missing members as uniform) for a learned stacking model.</summary>
    Stacking,
}
