using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;

namespace MsaMl.Trainers.Fusion;

/// <summary>
/// The fusion-head models as compositions. Tensor fusion: each column mean-pooled over its steps,
/// Linear -> ReLU -> tensor fusion -> MLP. Cross-modal attention: the raw sequences -> cross-modal
/// attention -> MLP.
/// </summary>
public static class FusionHeadComposition
{
    /// <summary>The composition <paramref name="o"/> describes.</summary>
    public static ModelComposition Of(FusionHeadOptions o)
    {
        var head = new MlpHeadOptions { Hidden = o.Hidden, Dropout = o.Dropout };
        if (o.Head == FusionHead.TensorFusion)
            return new ModelComposition(new EncoderOptions[]
            {
                new MeanPooledOptions { Modality = o.FirstModality, ColumnName = o.FirstColumnName, Width = o.Width },
                new MeanPooledOptions { Modality = Modalities.Text, ColumnName = o.SecondColumnName, Width = o.Width },
            }, new TensorFusionOptions(), head);
        return new ModelComposition(new EncoderOptions[]
        {
            new RawFeaturesOptions { Modality = o.FirstModality, ColumnName = o.FirstColumnName },
            new RawFeaturesOptions { Modality = Modalities.Text, ColumnName = o.SecondColumnName },
        }, new CrossModalAttentionOptions { Width = o.Width, Heads = o.Heads, Dropout = o.Dropout }, head);
    }
}
