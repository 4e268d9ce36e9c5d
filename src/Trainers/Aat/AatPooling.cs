namespace MsaMl.Trainers.Aat;

/// <summary>How the audio feature map is pooled over positions.</summary>
public enum AatPooling
{
    /// <summary>The attention of the paper's eqs. (1)-(3).</summary>
    Attention,
    /// <summary>A learned linear combination of positions.</summary>
    Linear,
    /// <summary>The attention as the authors' public code computes it (positions mixed by a Linear(L, L)), for comparison.</summary>
    OriginalCodeAttention,
}
