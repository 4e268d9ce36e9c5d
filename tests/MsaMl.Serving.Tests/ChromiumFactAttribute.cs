namespace MsaMl.Serving.Tests;

/// <summary>A fact that needs headless Chromium (Debian's chromium package; .ci/run installs it): skipped, with the reason, without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public const string Ffmpeg = "/usr/bin/ffmpeg";

    /// <param name="ffmpeg">Whether the test also makes a WebM recording with ffmpeg (Debian package ffmpeg).</param>
    public ChromiumFactAttribute(bool ffmpeg = false)
    {
        if (!File.Exists(Executable)) Skip = $"{Executable} is not installed (Debian/Ubuntu: apt-get install chromium); the page test drives it headless.";
        else if (ffmpeg && !File.Exists(Ffmpeg)) Skip = $"{Ffmpeg} is not installed (Debian/Ubuntu: apt-get install ffmpeg); the test makes a WebM recording with it.";
    }
}
