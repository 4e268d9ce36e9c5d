namespace MsaMl.Datasets.Video;

/// <summary>ffmpeg is not installed (or not where <see cref="FfmpegOptions.FfmpegPath"/> says); the message says how to install it.</summary>
public sealed class FfmpegNotFoundException(string ffmpegPath, Exception? inner = null)
    : InvalidOperationException($"ffmpeg was not found ('{ffmpegPath}'); install it (Debian/Ubuntu: sudo apt-get install ffmpeg) or set FfmpegOptions.FfmpegPath", inner)
{
    /// <summary>The executable that was tried.</summary>
    public string FfmpegPath { get; } = ffmpegPath;
}
