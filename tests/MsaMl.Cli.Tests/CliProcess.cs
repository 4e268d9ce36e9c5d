using System.Diagnostics;

namespace MsaMl.Cli.Tests;

/// <summary>
/// Runs <c>msa</c> as its own process, for what an in-process run cannot show: Spectre.Console binds
/// its console to the standard output it first sees, so markup lines of a later in-process run are not captured.
/// </summary>
internal static class CliProcess
{
    public static ProcessStartInfo StartInfo(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(typeof(MsaCli).Assembly.Location);
        foreach (string a in args) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>Runs to completion (at most 2 minutes); returns the exit code, standard output and standard error.</summary>
    public static (int Code, string Output, string Errors) Run(params string[] args)
    {
        using var process = Process.Start(StartInfo(args))!;
        var errors = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000))
        {
            process.Kill();
            throw new TimeoutException($"msa {string.Join(' ', args)} did not end within 2 minutes");
        }
        return (process.ExitCode, output, errors.Result);
    }
}
