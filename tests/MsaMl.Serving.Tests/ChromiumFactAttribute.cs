namespace MsaMl.Serving.Tests;

/// <summary>A fact that needs headless Chromium (Debian's chromium package; .ci/run installs it): skipped, with the reason, without it.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string Executable = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(Executable)) Skip = $"{Executable} is not installed (Debian/Ubuntu: apt-get install chromium); the page test drives it headless.";
    }
}
