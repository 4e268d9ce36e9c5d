using System.Diagnostics;
using MsaMl.Trainers.Native;

namespace MsaMl.Cli.Tests;

/// <summary>
/// libtorch's own warnings reach the user only with --verbose: on CPUs NNPACK does not support,
/// every convolution printed "Could not initialize NNPACK! Reason: Unsupported hardware." (2,900
/// lines in one quick demo). libtorch writes to the process's standard error itself, so the check
/// runs msa as a process.
/// </summary>
public sealed class NativeWarningsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-native-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void VerboseLetsLibTorchWarningsThroughAndEachRunWithoutItHidesThemAgain()
    {
        CliCapture.Run("config", "--verbose");
        Assert.True(LibTorchCpuSettings.NativeWarnings);
        CliCapture.Run("config");
        Assert.False(LibTorchCpuSettings.NativeWarnings);
    }

    [LinuxFact]
    public void TrainingAConvolutionalModelPrintsNoNnpackLine()
    {
        var (code, output) = RunMsa("train", "--dataset", "demo-speech", "--model", "aat", "--quick", "--output", Path.Combine(_folder, "aat.zip"));
        Assert.True(code == 0, output);
        Assert.Contains("evaluated AAT", output);   // the network ran, convolutions and all
        Assert.DoesNotContain("NNPACK", output);
    }

    private static (int Code, string Output) RunMsa(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "msa.dll"));
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output + errors.Result);
    }
}
