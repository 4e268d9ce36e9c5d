using MsaMl.Datasets.Video;

namespace MsaMl.Pipelines.Tests.Media;

/// <summary>A fact that needs the ffmpeg executable: skipped, with the reason, only when ffmpeg is not installed (CI installs it).</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    private static readonly Lazy<bool> Available = new(() => new FfmpegAudioExtractor().IsAvailable());

    public FfmpegFactAttribute()
    {
        if (!Available.Value) Skip = "ffmpeg is not installed (Debian/Ubuntu: apt-get install ffmpeg); the mp4 -> wav tests need it to make and decode their videos.";
    }
}
