namespace MsaMl.Pipelines.Fusion;

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
