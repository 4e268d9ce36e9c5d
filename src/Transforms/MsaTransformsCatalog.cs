using Microsoft.ML;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Normalization;
using MsaMl.Transforms.Text;
using MsaMl.Transforms.Video;

namespace MsaMl;

/// <summary>MsaMl's featurizing transforms: <c>mlContext.Msa().Transforms</c>.</summary>
public sealed class MsaTransformsCatalog
{
    internal MsaTransformsCatalog(MLContext context) => Context = context;

    public MLContext Context { get; }

    /// <summary>WAV path -> [3, freq, 750] log spectrogram with delta channels (the AAT input).</summary>
    public LogSpectrogramEstimator LogSpectrogram(string outputColumnName = "Spectrogram", string inputColumnName = "AudioPath", int timeFrames = 750) =>
        LogSpectrogram(new LogSpectrogramOptions { OutputColumnName = outputColumnName, InputColumnName = inputColumnName, TimeFrames = timeFrames });

    public LogSpectrogramEstimator LogSpectrogram(LogSpectrogramOptions options) => new(options);

    /// <summary>Text -> BERT token embeddings [maxTokens, hidden] and a mean-pooled sentence vector (embedded MiniLM by default).</summary>
    public BertEmbeddingEstimator BertEmbedding(string tokenEmbeddingsColumnName = "TextTokens", string inputColumnName = "Text", int maxTokens = 60) =>
        BertEmbedding(new BertEmbeddingOptions { TokenEmbeddingsColumnName = tokenEmbeddingsColumnName, InputColumnName = inputColumnName, MaxTokens = maxTokens });

    public BertEmbeddingEstimator BertEmbedding(BertEmbeddingOptions options) => new(options);

    /// <summary>Text -> WordPiece token ids [maxTokens] and an attention mask (Single; embedded MiniLM vocabulary by default), for trainable text encoders.</summary>
    public TokenIdsEstimator TokenIds(string tokenIdsColumnName = "TextTokenIds", string inputColumnName = "Text", int maxTokens = 60) =>
        TokenIds(new TokenIdsOptions { TokenIdsColumnName = tokenIdsColumnName, InputColumnName = inputColumnName, MaxTokens = maxTokens });

    public TokenIdsEstimator TokenIds(TokenIdsOptions options) => new(options);

    /// <summary>Image path -> [3, height, width] pixels in [0, 1].</summary>
    public ImageTensorEstimator ImageTensor(string outputColumnName = "ImageTensor", string inputColumnName = "ImagePath", int width = 64, int height = 64) =>
        ImageTensor(new ImageTensorOptions { OutputColumnName = outputColumnName, InputColumnName = inputColumnName, Width = width, Height = height });

    public ImageTensorEstimator ImageTensor(ImageTensorOptions options) => new(options);

    /// <summary>Image path -> 512-d ImageNet ResNet-18 features.</summary>
    public PretrainedImageFeaturesEstimator PretrainedImageFeatures(string outputColumnName = "ImageFeatures", string inputColumnName = "ImagePath") =>
        PretrainedImageFeatures(new PretrainedImageFeaturesOptions { OutputColumnName = outputColumnName, InputColumnName = inputColumnName });

    public PretrainedImageFeaturesEstimator PretrainedImageFeatures(PretrainedImageFeaturesOptions options) => new(options);

    /// <summary>Video path -> [maxFrames, 512] ImageNet ResNet-18 features of frames sampled by ffmpeg, and a [maxFrames] mask of the real frames.</summary>
    public VideoFramesEstimator VideoFrames(string outputColumnName = "VideoFrameFeatures", string inputColumnName = "VideoPath", double framesPerSecond = 1, int maxFrames = 16) =>
        VideoFrames(new VideoFramesOptions { OutputColumnName = outputColumnName, InputColumnName = inputColumnName, FramesPerSecond = framesPerSecond, MaxFrames = maxFrames });

    public VideoFramesEstimator VideoFrames(VideoFramesOptions options) => new(options);

    /// <summary>WAV path -> eGeMAPS-like acoustic functionals of the utterance (pitch, loudness, voice quality, formants, spectral balance, MFCC 1-4).</summary>
    public AcousticFunctionalsEstimator AcousticFunctionals(string outputColumnName = "Functionals", string inputColumnName = "AudioPath") =>
        AcousticFunctionals(new AcousticFunctionalsOptions { OutputColumnName = outputColumnName, InputColumnName = inputColumnName });

    public AcousticFunctionalsEstimator AcousticFunctionals(AcousticFunctionalsOptions options) => new(options);

    /// <summary>A feature column standardized per group (speaker) with statistics from that group's own rows, labels unused.</summary>
    public GroupStandardizationEstimator GroupStandardization(string columnName = "Spectrogram", string groupColumnName = "Speaker", StatisticsAxis axis = StatisticsAxis.Frames) =>
        GroupStandardization(new GroupStandardizationOptions { InputColumnName = columnName, GroupColumnName = groupColumnName, Axis = axis });

    public GroupStandardizationEstimator GroupStandardization(GroupStandardizationOptions options) => new(options);
}
