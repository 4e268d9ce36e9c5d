namespace MsaMl.Pipelines.Fusion;

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
