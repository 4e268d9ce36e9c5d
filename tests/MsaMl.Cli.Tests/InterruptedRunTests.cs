using System.Diagnostics;

namespace MsaMl.Cli.Tests;

/// <summary>A training run stopped by Ctrl-C or kill leaves no feature cache in the temp folder.</summary>
public sealed class InterruptedRunTests : IDisposable
{

    private readonly string _temp = Directory.CreateTempSubdirectory("msaml-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_temp, recursive: true);

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", new[] { "-" + signal, pid.ToString(System.Globalization.CultureInfo.InvariantCulture) })!;
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    private string[] Caches() => Directory.GetDirectories(_temp, "msaml-features-*");

    [Theory]
    [InlineData("INT")]
    [InlineData("TERM")]
    public void ASignalledTrainingRunDeletesItsFeatureCache(string signal)
    {
        var start = CliProcess.StartInfo("train", "--dataset", "demo-speech", "--model", "aat", "--quick", "--output", Path.Combine(_temp, "m.zip"));
        start.Environment["TMPDIR"] = _temp;
        using var process = Process.Start(start)!;
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        try
        {
            var watch = Stopwatch.StartNew();
            while (Caches().Length == 0 && !process.HasExited && watch.Elapsed < TimeSpan.FromSeconds(60)) Thread.Sleep(20);
            Assert.False(process.HasExited, "the run ended before it made its feature cache");
            string cache = Assert.Single(Caches());
            Assert.Contains($"msaml-features-{process.Id}-", cache);

            Signal(process.Id, signal);
            Assert.True(process.WaitForExit(30_000), "the run did not end after the signal");
            Assert.Empty(Caches());
        }
        finally
        {
            if (!process.HasExited) process.Kill();
        }
    }
}
