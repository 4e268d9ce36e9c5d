using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using MsaMl.Transforms.Audio;

namespace MsaMl.Benchmarks;

/// <summary>
/// Profiler-lite for the featurizer: the stages of one row (read the file's bytes, parse and
/// decode + down-mix, resample to 16 kHz, STFT + mel + log, deltas) timed separately with a
/// clock, one thread, over the same files as the end-to-end table, best of the repeats. On Linux
/// the clock is the thread's CPU time (clock_gettime(CLOCK_THREAD_CPUTIME_ID)), so time spent
/// waiting for a core on a loaded machine is not counted; elsewhere the Stopwatch.
/// Says where the time of each sample rate goes.
/// </summary>
internal static class FeaturizerStages
{
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private const int ThreadCpuClock = 3; // CLOCK_THREAD_CPUTIME_ID

    private static readonly bool UseCpuClock = OperatingSystem.IsLinux() && ClockGetTime(ThreadCpuClock, out _) == 0;

    /// <summary>What <see cref="Now"/> measures.</summary>
    public static string ClockName => UseCpuClock ? "thread CPU time" : "wall time";

    // Nanoseconds on the chosen clock.
    private static long Now()
    {
        if (!UseCpuClock) return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
        ClockGetTime(ThreadCpuClock, out var t);
        return t.Seconds * 1_000_000_000 + t.Nanoseconds;
    }

    public static string Report(IReadOnlyList<(string Name, IReadOnlyList<string> Paths)> sets, int repeats)
    {
        var options = FeaturizerBenchmark.Options(threads: 1);
        var computer = new SpectrogramComputer(options);
        var output = new float[computer.Size];
        byte[] file = Array.Empty<byte>();
        float[] decoded = Array.Empty<float>(), resampled = Array.Empty<float>();
        var text = new StringBuilder();
        text.AppendLine($"Stages (one thread, {ClockName}, best of {repeats}; ms for the whole set):");
        text.AppendLine();
        text.AppendLine("| files | read bytes | decode + down-mix | resample | STFT + mel + log | deltas | sum |");
        text.AppendLine("|---|---|---|---|---|---|---|");
        // One untimed pass over every set first, then a pause, so that the tiered JIT has compiled
        // every stage's optimized code before anything is timed.
        for (int pass = 0; pass < 2; pass++)
        {
            foreach (var (name, paths) in sets) Time(paths, 0);
            Thread.Sleep(500);
        }
        foreach (var (name, paths) in sets)
        {
            var best = Time(paths, repeats);
            text.AppendLine($"| {name} | {best[0]:F1} | {best[1]:F1} | {best[2]:F1} | {best[3]:F1} | {best[4]:F1} | {best.Sum():F1} |");
        }
        return text.ToString();

        double[] Time(IReadOnlyList<string> paths, int repeats)
        {
            var best = new double[5];
            Array.Fill(best, double.MaxValue);
            for (int r = 0; r <= repeats; r++)
            {
                var spent = new double[5];
                foreach (var path in paths)
                {
                    long t0 = Now();
                    int length = WavReader.ReadFile(path, ref file);
                    long t1 = Now();
                    var bytes = file.AsSpan(0, length);
                    var layout = WavReader.Parse(bytes);
                    if (decoded.Length < layout.Frames) decoded = new float[layout.Frames];
                    WavReader.DecodeMono(bytes, layout, decoded);
                    ReadOnlySpan<float> samples = decoded.AsSpan(0, layout.Frames);
                    long t2 = Now();
                    if (layout.SampleRate != options.SampleRate)
                    {
                        var resampler = PolyphaseResampler.For(layout.SampleRate, options.SampleRate);
                        int count = resampler.OutputLength(samples.Length);
                        if (resampled.Length < count) resampled = new float[count];
                        resampler.Process(samples, resampled);
                        samples = resampled.AsSpan(0, count);
                    }
                    long t3 = Now();
                    Array.Clear(output);
                    int valid = computer.ComputeLog(samples, output);
                    long t4 = Now();
                    if (valid > 0) computer.Finish(output, valid);
                    long t5 = Now();
                    spent[0] += (t1 - t0) / 1e6;
                    spent[1] += (t2 - t1) / 1e6;
                    spent[2] += (t3 - t2) / 1e6;
                    spent[3] += (t4 - t3) / 1e6;
                    spent[4] += (t5 - t4) / 1e6;
                }
                if (r > 0) for (int s = 0; s < 5; s++) best[s] = Math.Min(best[s], spent[s]);
            }
            return best;
        }
    }
}
