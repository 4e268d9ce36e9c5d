namespace MsaMl.Datasets.Video;

/// <summary>ffmpeg is not installed (or not where the options' <c>FfmpegPath</c> says); the message says how to install it.</summary>
public sealed class FfmpegNotFoundException : InvalidOperationException
{
    /// <summary>ffmpeg was not found at <paramref name="ffmpegPath"/>, set by <see cref="FfmpegOptions.FfmpegPath"/>.</summary>
    public FfmpegNotFoundException(string ffmpegPath, Exception? inner = null)
        : this(ffmpegPath, "FfmpegOptions.FfmpegPath", inner)
    {
    }

    /// <summary>ffmpeg was not found at <paramref name="ffmpegPath"/>, set by the option <paramref name="option"/> ("VideoFramesOptions.FfmpegPath").</summary>
    public FfmpegNotFoundException(string ffmpegPath, string option, Exception? inner)
        : base($"ffmpeg was not found ('{ffmpegPath}'); install it (Debian/Ubuntu: sudo apt-get install ffmpeg) or set {option}", inner)
    {
        FfmpegPath = ffmpegPath;
    }

    /// <summary>The executable that was tried.</summary>
    public string FfmpegPath { get; }
}
