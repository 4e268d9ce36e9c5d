using System.Diagnostics;

namespace MsaMl.Benchmarks;

/// <summary>Runs a peer script of benchmarks/peers with Debian's /usr/bin/python3 and collects its output.</summary>
internal static class PythonPeer
{
    /// <summary>The script's exit code, standard output and standard error (both read to the end, so neither pipe can fill up and stall it).</summary>
    public static (int ExitCode, string Output, string Error) Run(string scriptName, string arguments)
    {
        string script = Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "benchmarks", "peers", scriptName);
        var start = new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }
}
