using System.Text.Json.Serialization;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;
using MsaMl.Transforms.Video;

namespace MsaMl.Experiments.Configuration;

/// <summary>The <c>featurizers</c> section: the options of every featurizer of the task one per modality of the dataset: audio (spectrogram, functionals), image (image, imageFeatures), text, visual (video).</summary>
public sealed class FeaturizerSection
{
    /// <summary>The log spectrogram of speech tasks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public LogSpectrogramOptions? Spectrogram { get; set; }

    /// <summary>Speech tasks: eGeMAPS-like acoustic functionals per utterance, read by pooled models (the audio model of the <c>fast</c> preset, early fusion); null: not computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AcousticFunctionalsOptions? Functionals { get; set; }

    /// <summary>The image tensor (pixels) of image tasks.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImageTensorOptions? Image { get; set; }

    /// <summary>The pretrained (ResNet-18) image features of image tasks, read by early fusion and the fusion heads (a quick run uses the pixels instead).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PretrainedImageFeaturesOptions? ImageFeatures { get; set; }

    /// <summary>The BERT-architecture text encoder of datasets with text.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BertEmbeddingOptions? Text { get; set; }

    /// <summary>The ResNet-18 features of frames sampled from each video, of datasets with videos (the visual modality).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public VideoFramesOptions? Video { get; set; }
}
