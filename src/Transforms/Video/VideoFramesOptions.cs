namespace MsaMl.Transforms.Video;

/// <summary>
/// Options of <see cref="VideoFramesTransformer"/>: frames sampled from a video file by ffmpeg, each
/// encoded by the packaged ImageNet ResNet-18 (as <see cref="Image.PretrainedImageFeaturesTransformer"/> does).
/// Cost is bounded whatever the video's length: ffmpeg reads at most
/// <see cref="MaxFrames"/> / <see cref="FramesPerSecond"/> + 1 seconds of it (its input <c>-t</c>),
/// so a 10-hour recording costs what its first seconds cost.
/// </summary>
public sealed class VideoFramesOptions
{
    /// <summary>The most frames per second that may be sampled.</summary>
    public const double MaxFramesPerSecond = 30;

    /// <summary>The largest <see cref="MaxFrames"/>.</summary>
    public const int MaxFrameCount = 256;

    /// <summary>
    /// Receives the featurizing progress (rows done, total, rate) of the fitted transform's passes;
    /// not part of the saved options (see <see cref="MsaMl.Transforms.Core.FeaturizingTransformer.Progress"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Column with the video path. An empty path is a missing video: all-zero features and mask.</summary>
    public string InputColumnName { get; set; } = "VideoPath";

    /// <summary>Output column: [MaxFrames, 512] encoder features, one row per sampled frame; rows after the video's last frame are zero.</summary>
    public string OutputColumnName { get; set; } = "VideoFrameFeatures";

    /// <summary>Output column: [MaxFrames], 1 for a frame sampled from the video, 0 for padding.</summary>
    public string MaskColumnName { get; set; } = "VideoFrameMask";

    /// <summary>Optional output column: the mean of the real frames' features [512], for classic trainers; null: none.</summary>
    public string? PooledColumnName { get; set; }

    /// <summary>Relative paths are resolved against this folder (null: the current directory).</summary>
    public string? BaseFolder { get; set; }

    /// <summary>The ffmpeg executable: a path, or a name looked up on PATH (Debian/Ubuntu: <c>apt-get install ffmpeg</c>).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Frames sampled per second of video (ffmpeg's fps filter), more than 0 and at most 30.</summary>
    public double FramesPerSecond { get; set; } = 1;

    /// <summary>Frames kept from the start of the video, 1 to 256: longer videos are cut, shorter ones padded with zero frames.</summary>
    public int MaxFrames { get; set; } = 16;

    /// <summary>Longest one video's decoding may take; ffmpeg is then killed and the row reported.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Checks every value against its range; returns the options.</summary>
    /// <exception cref="OptionOutOfRangeException">A value out of range; the parameter names the property.</exception>
    public VideoFramesOptions Validate()
    {
        OptionCheck.Require(FramesPerSecond is > 0 and <= MaxFramesPerSecond, nameof(FramesPerSecond), FramesPerSecond, $"expected more than 0 and at most {MaxFramesPerSecond} frames per second");
        OptionCheck.Require(MaxFrames is >= 1 and <= MaxFrameCount, nameof(MaxFrames), MaxFrames, $"expected 1 to {MaxFrameCount} frames");
        OptionCheck.Require(Timeout > TimeSpan.Zero, nameof(Timeout), Timeout, "expected a positive duration");
        OptionCheck.Require(!string.IsNullOrWhiteSpace(FfmpegPath), nameof(FfmpegPath), FfmpegPath, "expected the ffmpeg executable's path or name");
        OptionCheck.Require(IntraOpThreads >= 0, nameof(IntraOpThreads), IntraOpThreads, "expected 0 (ONNX Runtime chooses) or more");
        return this;
    }

    /// <summary>Seconds of video ffmpeg reads: the sampled span plus one second for the fps filter's rounding.</summary>
    internal double DecodeSeconds => MaxFrames / FramesPerSecond + 1;
}
