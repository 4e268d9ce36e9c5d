using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;

namespace MsaMl.Transforms.Video;

/// <summary>
/// Video path -> the features of frames sampled by ffmpeg (<see cref="VideoFramesOptions.FramesPerSecond"/>,
/// at most <see cref="VideoFramesOptions.MaxFrames"/>), each through the packaged ImageNet ResNet-18:
/// [MaxFrames, 512] features, a [MaxFrames] mask of the real frames and optionally their mean [512].
/// An empty path gives all zeros (missing video); a missing, corrupt or frameless file, or one without
/// a video stream, throws <see cref="MsaInputException"/> naming the row and file.
/// </summary>
public sealed class VideoFramesTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.VideoFrames";

    private readonly VideoFramesOptions _options;
    private readonly ImageEncoder _encoder;

    /// <summary>A transform with these options (checked; the encoder is loaded once per process).</summary>
    public VideoFramesTransformer(VideoFramesOptions options)
        : this(TransformFactory.Clone(options.Validate()), EncoderOf(options))
    {
        Progress = options.Progress;
    }

    private VideoFramesTransformer(VideoFramesOptions options, ImageEncoder encoder)
        : base(options.InputColumnName, OutputColumnsOf(options, encoder.FeatureSize))
    {
        _options = options;
        _encoder = encoder;
    }

    internal static ImageEncoder EncoderOf(VideoFramesOptions options) =>
        ImageEncoder.For(new PretrainedImageFeaturesOptions { IntraOpThreads = options.IntraOpThreads });

    internal static FeatureColumn[] OutputColumnsOf(VideoFramesOptions options, int features)
    {
        var columns = new List<FeatureColumn>
        {
            new(options.OutputColumnName, "frames,features", options.MaxFrames, features),
            new(options.MaskColumnName, "frames", options.MaxFrames),
        };
        if (options.PooledColumnName != null) columns.Add(new FeatureColumn(options.PooledColumnName, "features", features));
        return columns.ToArray();
    }

    public override string Kind => KindName;

    /// <summary>A copy of the options.</summary>
    public VideoFramesOptions Options => TransformFactory.Clone(_options);

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    protected internal override Featurizer CreateFeaturizer() => new FramesFeaturizer(_options, _encoder);

    private sealed class FramesFeaturizer(VideoFramesOptions options, ImageEncoder encoder) : Featurizer
    {
        private readonly VideoFrameSampler _sampler = new(options);

        // Each frame is encoded as it is read: no row holds more than one frame's pixels.
        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            int size = encoder.FeatureSize, maxFrames = options.MaxFrames;
            for (int i = 0; i < batch.Count; i++)
            {
                var features = outputs[0].AsMemory(i * maxFrames * size, maxFrames * size);
                int frames = _sampler.Load(batch[i], (k, pixels) => encoder.Run(pixels, 1, VideoFrameSampler.FrameSize).CopyTo(features.Span[(k * size)..]));
                if (frames == 0) continue;
                outputs[1].AsSpan(i * maxFrames, frames).Fill(1f);
                if (outputs.Length > 2) Mean(features.Span, frames, size, outputs[2].AsSpan(i * size, size));
            }
        }

        private static void Mean(ReadOnlySpan<float> features, int frames, int size, Span<float> pooled)
        {
            for (int f = 0; f < frames; f++)
            for (int j = 0; j < size; j++) pooled[j] += features[f * size + j];
            for (int j = 0; j < size; j++) pooled[j] /= frames;
        }
    }
}
