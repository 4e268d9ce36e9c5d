namespace MsaMl.Trainers.Fusion;

/// <summary>The fusion head trained by <see cref="FusionHeadTrainer"/>.</summary>
public enum FusionHead
{
    /// <summary>Outer product of [h_1; 1] and [h_2; 1] (TFN).</summary>
    TensorFusion,
    /// <summary>Multi-head attention across the two modalities' sequences.</summary>
    CrossModalAttention,
}
