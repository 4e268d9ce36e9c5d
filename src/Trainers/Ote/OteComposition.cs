using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;

namespace MsaMl.Trainers.Ote;

/// <summary>
/// OTE as a composition: image encoder (small CNN by default) and text projection + ReLU -> the
/// Transformer encoder fusion -> dropout -> Linear(hidden) -> ReLU -> dropout -> Linear.
/// Leaving a modality out leaves its encoder out.
/// </summary>
public static class OteComposition
{
    /// <summary>The composition <paramref name="o"/> describes.</summary>
    public static ModelComposition Of(OteOptions o)
    {
        var encoders = new List<EncoderOptions>(2);
        if (o.Modalities != OteModalities.Text)
            encoders.Add(new ImageEncoderOptions { ColumnName = o.ImageColumnName, Network = o.ImageEncoder, OutDim = o.ImageOutDim, SmallCnnWidths = o.SmallCnnWidths });
        if (o.Modalities != OteModalities.Image)
            encoders.Add(new TokenProjectionOptions { ColumnName = o.TextColumnName, OutDim = o.TextOutDim, Relu = true });
        var fusion = new TransformerFusionOptions
        {
            CrossModal = o.Fusion == OteFusion.CrossModal, CrossModalDim = o.CrossModalDim, Heads = o.Heads,
            FeedForwardDim = o.FeedForwardDim, AttentionDropout = o.AttentionDropout,
        };
        return new ModelComposition(encoders, fusion, new MlpHeadOptions { Hidden = o.Hidden, Dropout = o.Dropout, DropoutBeforeOutput = true });
    }
}
