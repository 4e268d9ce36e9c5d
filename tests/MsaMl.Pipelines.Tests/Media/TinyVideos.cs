using System.Diagnostics;
using MsaMl.Transforms.Audio;

namespace MsaMl.Pipelines.Tests.Media;

/// <summary>Makes tiny MP4 clips with ffmpeg itself: a still image (made by ffmpeg's color source) plus a WAV written here.</summary>
internal static class TinyVideos
{
    /// <summary>A 0.6 s clip of a 440 Hz tone at 22.05 kHz (so extraction must resample), or of silence.</summary>
    public static string Make(string path, bool silent = false, bool withAudio = true)
    {
        string folder = Path.GetDirectoryName(path)!;
        Directory.CreateDirectory(folder);
        string image = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".png");
        string wav = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".wav");
        try
        {
            Ffmpeg("-f", "lavfi", "-i", "color=c=blue:s=32x32", "-frames:v", "1", image);
            const int rate = 22050;
            var samples = Enumerable.Range(0, rate * 6 / 10).Select(i => silent ? 0f : 0.5f * MathF.Sin(2 * MathF.PI * 440 * i / rate)).ToArray();
            WavWriter.WritePcm16(wav, samples, rate);
            if (withAudio)
                Ffmpeg("-loop", "1", "-i", image, "-i", wav, "-c:v", "mpeg4", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", path);
            else
                Ffmpeg("-loop", "1", "-i", image, "-t", "0.5", "-c:v", "mpeg4", "-pix_fmt", "yuv420p", path);
            return path;
        }
        finally
        {
            File.Delete(image);
            File.Delete(wav);
        }
    }

    /// <summary>A clip of one colour (ffmpeg's color source: a name or <c>0xRRGGBB</c>), 64x64 at 5 frames per second, silent or with a 220 Hz tone.</summary>
    public static string Colour(string path, string colour, double seconds = 1, bool withTone = false)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string[] tone = withTone ? ["-f", "lavfi", "-i", FormattableString.Invariant($"sine=f=220:d={seconds}"), "-c:a", "aac"] : [];
        Ffmpeg(["-f", "lavfi", "-i", FormattableString.Invariant($"color=c={colour}:s=64x64:d={seconds}:r=5"), .. tone, "-c:v", "mpeg4", "-pix_fmt", "yuv420p", path]);
        return path;
    }

    private static void Ffmpeg(params string[] arguments)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in new[] { "-nostdin", "-hide_banner", "-loglevel", "error", "-y" }.Concat(arguments)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"ffmpeg {string.Join(' ', arguments)} failed: {errors}");
    }
}
