using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;

namespace MsaMl.Trainers.Fusion;

/// <summary>
/// The fusion-head models as compositions over two or more columns. Tensor fusion: each column mean-pooled over its steps,
/// Linear -> ReLU -> tensor fusion -> MLP. Cross-modal attention: the raw sequences -> cross-modal
/// attention -> MLP.
/// </summary>
public static class FusionHeadComposition
{
    /// <summary>The composition <paramref name="o"/> describes.</summary>
    public static ModelComposition Of(FusionHeadOptions o)
    {
        var head = new MlpHeadOptions { Hidden = o.Hidden, Dropout = o.Dropout };
        var inputs = o.Inputs.Count > 0 ? o.Inputs.Select(i => (i.Modality, i.ColumnName)).ToList()
            : [(o.FirstModality, o.FirstColumnName), (Modalities.Text, o.SecondColumnName)];
        if (o.Head == FusionHead.TensorFusion)
            return new ModelComposition(inputs.Select(i => (EncoderOptions)new MeanPooledOptions { Modality = i.Modality, ColumnName = i.ColumnName, Width = o.Width }).ToList(),
                new TensorFusionOptions(), head);
        return new ModelComposition(inputs.Select(i => (EncoderOptions)new RawFeaturesOptions { Modality = i.Modality, ColumnName = i.ColumnName }).ToList(),
            new CrossModalAttentionOptions { Width = o.Width, Heads = o.Heads, Dropout = o.Dropout }, head);
    }
}
