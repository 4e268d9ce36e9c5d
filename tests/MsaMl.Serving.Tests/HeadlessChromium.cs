using System.Diagnostics;

namespace MsaMl.Serving.Tests;

/// <summary>
/// Runs headless Chromium on a page: its DOM after the page's own scripts ran (virtual time, which waits for the
/// page's requests), or a screenshot. A throwaway profile each run; killed after a minute.
/// </summary>
internal static class HeadlessChromium
{
    public static string DumpDom(Uri page) => Run(page, "--dump-dom");

    public static void Screenshot(Uri page, string png) => Run(page, $"--screenshot={png}", "--window-size=900,820", "--hide-scrollbars");

    private static string Run(Uri page, params string[] mode)
    {
        string profile = Directory.CreateTempSubdirectory("msaml-chromium-").FullName;
        try
        {
            var start = new ProcessStartInfo(ChromiumFactAttribute.Executable)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
            foreach (string argument in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", $"--user-data-dir={profile}", "--virtual-time-budget=20000" })
                start.ArgumentList.Add(argument);
            foreach (string argument in mode) start.ArgumentList.Add(argument);
            start.ArgumentList.Add(page.AbsoluteUri);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"chromium did not finish within 60 s on {page}");
            }
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {errors.Result}");
            return output.Result;
        }
        finally
        {
            Directory.Delete(profile, recursive: true);
        }
    }
}
