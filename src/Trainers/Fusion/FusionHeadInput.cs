namespace MsaMl.Trainers.Fusion;

/// <summary>One input of a fusion head: a modality and the feature column that carries it.</summary>
public sealed class FusionHeadInput
{
    /// <summary>The modality of the column.</summary>
    public Modalities Modality { get; set; }

    /// <summary>The feature column.</summary>
    public string ColumnName { get; set; } = "";
}
