using System.Diagnostics;
using System.Globalization;
using MsaMl.Transforms.Audio;

namespace MsaMl.Benchmarks;

/// <summary>
/// Peak memory of <c>msa timeline</c> on a 10-minute and a 60-minute recording (issue 21: within
/// 1.2x): each run is its own process under <c>/usr/bin/time -v</c> (maximum resident set size).
/// The recordings alternate 1-4 s voiced bursts (a 150 Hz tone and harmonics) with 0.5-2 s of faint
/// noise, 16 kHz mono 16-bit.
/// Usage: timeline-memory --model bundle.zip [--cli path/to/msa] [--minutes 10,60]
/// </summary>
public static class TimelineMemory
{
    public static int Run(string[] args)
    {
        string model = TrainingStepBenchmark.StringArg(args, "--model") ?? throw new ArgumentException("--model: expected a bundle that reads audio");
        string cli = TrainingStepBenchmark.StringArg(args, "--cli") ?? Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "src", "Cli", "bin", "Release", "net10.0", "msa");
        int[] minutes = (TrainingStepBenchmark.StringArg(args, "--minutes") ?? "10,60").Split(',').Select(int.Parse).ToArray();
        string folder = Directory.CreateTempSubdirectory("msaml-timeline-memory-").FullName;
        try
        {
            Console.WriteLine($"# timeline-memory, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, model {Path.GetFileName(model)}");
            Console.WriteLine("\n| recording | file MiB | segments | seconds | max RSS MiB |\n|---|---|---|---|---|");
            double? first = null;
            foreach (int m in minutes)
            {
                string wav = Path.Combine(folder, $"{m}min.wav");
                WriteRecording(wav, m);
                var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardError = true, RedirectStandardOutput = true };
                foreach (string a in new[] { "-v", cli, "timeline", "--model", model, "--audio", wav, "--output", Path.Combine(folder, $"{m}.csv"), "--quiet" }) start.ArgumentList.Add(a);
                var clock = Stopwatch.StartNew();
                using var process = Process.Start(start)!;
                string output = process.StandardOutput.ReadToEnd(), errors = process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode != 0) throw new InvalidOperationException($"msa timeline failed on {m} min: {errors.Trim().Split('\n').First()}");
                double rss = double.Parse(errors.Split('\n').First(l => l.Contains("Maximum resident set size")).Split(':')[1].Trim(), CultureInfo.InvariantCulture) / 1024;
                first ??= rss;
                Console.WriteLine($"| {m} min | {new FileInfo(wav).Length / 1048576.0:F0} | {output.Split(' ')[0]} | {clock.Elapsed.TotalSeconds:F0} | {rss:F0} ({rss / first:F2}x) |");
                File.Delete(wav);
            }
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void WriteRecording(string path, int minutes)
    {
        const int rate = 16000;
        var random = new Random(minutes);
        var samples = new float[minutes * 60 * rate];
        int at = rate / 2;
        while (at < samples.Length - 5 * rate)
        {
            int voiced = rate + random.Next(3 * rate), pause = rate / 2 + random.Next(3 * rate / 2);
            for (int i = 0; i < voiced; i++)
                samples[at + i] = (float)(0.2 * (Math.Sin(2 * Math.PI * 150 * i / rate) + 0.5 * Math.Sin(2 * Math.PI * 300 * i / rate)));
            at += voiced;
            for (int i = 0; i < pause; i++) samples[at + i] = (float)(0.002 * (random.NextDouble() - 0.5));
            at += pause;
        }
        WavWriter.WritePcm16(path, samples, rate);
    }
}
