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

/// <summary>One single-modality model whose scores late fusion combines.</summary>
public sealed class LateFusionMember
{
    /// <summary>A short name shown in the fused-modalities column (for example "audio").</summary>
    public string Name { get; set; } = "";

    /// <summary>The member's class-probability column (same classes, same order, for every member).</summary>
    public string ScoreColumnName { get; set; } = "";

    /// <summary>
    /// Optional text column that holds this modality's input (a path or the text). When it is
    /// empty in a row, the modality is missing there and the member is left out of that row.
    /// </summary>
    public string? PresenceColumnName { get; set; }
}

/// <summary>Options of <see cref="LateFusionTransformer"/>.</summary>
public sealed class LateFusionOptions
{
    public List<LateFusionMember> Members { get; set; } = new();
    public LateFusionMode Mode { get; set; } = LateFusionMode.Average;

    /// <summary>Member weights for WeightedAverage and MajorityVote (default: equal).</summary>
    public float[]? Weights { get; set; }

    public string ScoreColumnName { get; set; } = "Score";
    public string PredictedLabelColumnName { get; set; } = "PredictedLabel";

    /// <summary>Output text column naming the members used for each row (e.g. "text+audio", or "text" when audio was missing).</summary>
    public string FusedModalitiesColumnName { get; set; } = "FusedModalities";

    /// <summary>Output of <see cref="LateFusionMode.Stacking"/>: the members' probabilities concatenated.</summary>
    public string StackedScoresColumnName { get; set; } = "StackedScores";
}
