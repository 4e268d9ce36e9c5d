using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace MsaMl.Datasets.Video;

/// <summary>
/// One run of the ffmpeg executable: standard output read by the caller as a stream, standard error
/// drained concurrently (its tail kept), and a deadline at which the whole process tree is killed,
/// so neither a full pipe nor a stalled decode can block the caller.
/// </summary>
internal sealed class FfmpegProcess : IDisposable
{
    private const int ErrorTailChars = 8192;

    private readonly Process _process;
    private readonly Task<string> _errors;
    private readonly CancellationTokenSource _deadline;
    private readonly CancellationTokenRegistration _stop;
    private readonly TimeSpan _timeout;
    private volatile bool _timedOut;

    private FfmpegProcess(Process process, TimeSpan timeout)
    {
        _process = process;
        _timeout = timeout;
        _errors = Task.Run(() => Tail(process.StandardError));
        _deadline = new CancellationTokenSource(timeout);
        _stop = _deadline.Token.Register(Stop);
    }

    /// <summary>Starts ffmpeg with <paramref name="arguments"/>; <paramref name="pathOption"/> is the option the install hint names.</summary>
    /// <exception cref="FfmpegNotFoundException"><paramref name="ffmpegPath"/> cannot be started.</exception>
    public static FfmpegProcess Start(string ffmpegPath, IEnumerable<string> arguments, TimeSpan timeout, string pathOption = "FfmpegOptions.FfmpegPath")
    {
        var start = new ProcessStartInfo(ffmpegPath)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            return new FfmpegProcess(Process.Start(start) ?? throw new FfmpegNotFoundException(ffmpegPath, pathOption, null), timeout);
        }
        catch (Win32Exception ex)
        {
            throw new FfmpegNotFoundException(ffmpegPath, pathOption, ex);
        }
    }

    /// <summary>Runs ffmpeg to its end, its standard output discarded.</summary>
    /// <returns>The exit code (-1 when stopped at the deadline) and the tail of standard error.</returns>
    public static (int Code, string Errors) Run(string ffmpegPath, IEnumerable<string> arguments, TimeSpan timeout, string pathOption = "FfmpegOptions.FfmpegPath")
    {
        using var process = Start(ffmpegPath, arguments, timeout, pathOption);
        return process.Finish();
    }

    /// <summary>ffmpeg's standard output; it ends early when the deadline kills the process.</summary>
    public Stream Output => _process.StandardOutput.BaseStream;

    /// <summary>Whether the deadline was reached and the process tree killed.</summary>
    public bool TimedOut => _timedOut;

    /// <summary>Discards what is left of the output and waits for the exit.</summary>
    /// <returns>The exit code (-1 when stopped at the deadline) and the tail of standard error.</returns>
    public (int Code, string Errors) Finish()
    {
        Output.CopyTo(Stream.Null);
        _process.WaitForExit();
        _stop.Dispose();
        string errors = _errors.GetAwaiter().GetResult();
        return _timedOut ? (-1, $"stopped after {_timeout.TotalSeconds:F0} s") : (_process.ExitCode, errors);
    }

    /// <summary>The last non-empty line of ffmpeg's errors, or "".</summary>
    public static string LastLine(string errors) =>
        errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    /// <summary>Whether ffmpeg refused because the input lacks the stream asked for (no audio track, no video stream).</summary>
    public static bool MissingStream(string errors) =>
        errors.Contains("does not contain any stream", StringComparison.OrdinalIgnoreCase) || errors.Contains("matches no streams", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        _stop.Dispose();
        _deadline.Dispose();
        if (!_process.HasExited) Kill();
        _process.Dispose();
    }

    private void Stop()
    {
        if (_process.HasExited) return;
        _timedOut = true;
        Kill();
    }

    private void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already exited
        }
    }

    private static async Task<string> Tail(StreamReader reader)
    {
        var buffer = new char[4096];
        var tail = new StringBuilder();
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > 2 * ErrorTailChars) tail.Remove(0, tail.Length - ErrorTailChars);
        }
        return tail.ToString();
    }
}
