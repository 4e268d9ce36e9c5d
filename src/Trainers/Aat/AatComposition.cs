using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Fusions;
using MsaMl.Trainers.Composition.Heads;

namespace MsaMl.Trainers.Aat;

/// <summary>
/// AAT as a composition: spectrogram encoder (AlexNet-FCN + attention pooling by default) and text
/// projection -> concatenation -> dropout -> Linear. Leaving a modality out leaves its encoder out.
/// </summary>
public static class AatComposition
{
    /// <summary>The composition <paramref name="o"/> describes.</summary>
    public static ModelComposition Of(AatOptions o)
    {
        var encoders = new List<EncoderOptions>(2);
        if (o.Modalities != AatModalities.Text)
            encoders.Add(new SpectrogramEncoderOptions
            {
                ColumnName = o.AudioColumnName, Network = o.AudioEncoder, Pooling = o.Pooling, Channels = o.AudioChannels, LrnMode = o.LrnMode, Lambda = o.Lambda,
                FrequencyMasks = o.FrequencyMasks, FrequencyMaskWidth = o.FrequencyMaskWidth, TimeMasks = o.TimeMasks, TimeMaskWidth = o.TimeMaskWidth,
            });
        if (o.Modalities != AatModalities.Audio)
            encoders.Add(new TokenProjectionOptions { ColumnName = o.TextColumnName, OutDim = o.TextOutDim, Relu = false });
        return new ModelComposition(encoders, new ConcatFusionOptions(), new MlpHeadOptions { Dropout = o.Dropout });
    }
}
