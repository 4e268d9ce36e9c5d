using MsaMl.Datasets.Video;

namespace MsaMl.Transforms.Tests;

/// <summary>Tiny videos made by ffmpeg's lavfi sources once per test class, and bad ones beside them.</summary>
public sealed class VideoClips : IDisposable
{
    private readonly TestFiles _files = new();

    public VideoClips()
    {
        if (!FfmpegFactAttribute.Available.Value) return;
        Red = Make("red.mp4", "-f", "lavfi", "-i", "color=c=red:s=64x64:d=2:r=10", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        Blue = Make("blue.mp4", "-f", "lavfi", "-i", "color=c=blue:s=64x64:d=2:r=10", "-c:v", "libx264", "-pix_fmt", "yuv420p");
        TenHours = Make("ten-hours.mp4", "-f", "lavfi", "-i", "color=c=red:s=16x16:d=36000:r=1", "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p");
        AudioOnly = Make("tone.m4a", "-f", "lavfi", "-i", "sine=d=1");
        Corrupt = _files.PathOf("corrupt.mp4");
        File.WriteAllBytes(Corrupt, File.ReadAllBytes(Red).AsSpan(0, 200).ToArray());
        NoFrames = _files.PathOf("no-frames.y4m");
        File.WriteAllText(NoFrames, "YUV4MPEG2 W64 H64 F10:1 Ip A1:1 C420jpeg\n");
    }

    /// <summary>2 s of red at 10 fps.</summary>
    public string Red { get; } = "";
    public string Blue { get; } = "";
    public string TenHours { get; } = "";
    public string AudioOnly { get; } = "";

    /// <summary>The first 200 bytes of <see cref="Red"/>.</summary>
    public string Corrupt { get; } = "";

    /// <summary>A video stream (a Y4M header) without a single frame.</summary>
    public string NoFrames { get; } = "";

    public string Missing => _files.PathOf("missing.mp4");

    private string Make(string name, params string[] arguments)
    {
        string path = _files.PathOf(name);
        var (code, errors) = FfmpegProcess.Run("ffmpeg", ["-nostdin", "-loglevel", "error", "-y", .. arguments, path], TimeSpan.FromMinutes(1));
        if (code != 0) throw new InvalidOperationException($"ffmpeg could not make {name}: {errors}");
        return path;
    }

    public void Dispose() => _files.Dispose();
}

/// <summary>A test that needs the ffmpeg executable; skipped, saying how to install it, when it is missing.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    internal static readonly Lazy<bool> Available = new(() =>
    {
        try
        {
            return FfmpegProcess.Run("ffmpeg", ["-version"], TimeSpan.FromSeconds(20)).Code == 0;
        }
        catch (FfmpegNotFoundException)
        {
            return false;
        }
    });

    public FfmpegFactAttribute()
    {
        if (!Available.Value) Skip = "ffmpeg is not installed (Debian/Ubuntu: apt-get install ffmpeg); the video tests need it to make and decode their clips.";
    }
}
