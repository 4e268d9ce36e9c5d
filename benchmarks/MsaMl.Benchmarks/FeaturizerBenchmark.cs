using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Transforms.Audio;

namespace MsaMl.Benchmarks;

/// <summary>
/// Timed console run: the speech featurizer end to end (decode, downmix, resample to 16 kHz,
/// 20 ms / 10 ms STFT, 64 mel bands, log, deltas, 400 frames) on generated files at 16, 22.05,
/// 44.1 and 48 kHz, and on EmoDB when ../shared/datasets/emodb is present; against the torchaudio
/// peer (benchmarks/peers/torchaudio_featurize.py) on the same files in the same run.
/// Usage: featurize [--files 60] [--repeats 5] [--rounds 3] [--threads 2] [--emodb folder] [--no-peer] [--stages-only]
/// (--stages-only: only the per-stage profile of <see cref="FeaturizerStages"/>, no peer).
/// </summary>
public static class FeaturizerBenchmark
{
    public static int Run(string[] args)
    {
        int files = TrainingStepBenchmark.IntArg(args, "--files", 60);
        int repeats = TrainingStepBenchmark.IntArg(args, "--repeats", 5);
        int threads = TrainingStepBenchmark.IntArg(args, "--threads", 2);
        int rounds = TrainingStepBenchmark.IntArg(args, "--rounds", 3);
        bool peer = !args.Contains("--no-peer") && File.Exists("/usr/bin/python3");
        string? emodb = TrainingStepBenchmark.StringArg(args, "--emodb") ?? FindEmoDb();
        if (!SpeechFiles.ToolsPresent())
        {
            Console.Error.WriteLine("espeak-ng and sox are needed to generate the test files (apt-get install espeak-ng sox).");
            return 2;
        }

        string folder = Path.Combine(Path.GetTempPath(), "msaml-featurize-" + Guid.NewGuid().ToString("N"));
        try
        {
            Console.WriteLine($"generating {files} utterances per sample rate with espeak-ng + sox in {folder} ...");
            var sets = SpeechFiles.Generate(folder, files)
                .Select(kv => ($"{kv.Key / 1000.0:0.##} kHz {(SpeechFiles.Formats.First(f => f.Rate == kv.Key).Channels == 2 ? "stereo" : "mono")}, espeak-ng", (IReadOnlyList<string>)kv.Value))
                .ToList();
            if (emodb != null)
                sets.Add(("EmoDB (../shared), 22.05 kHz mono", Directory.GetFiles(emodb, "*.wav").Order(StringComparer.Ordinal).ToList()));

            // JIT and tiering warm-up over every set (each rate has its own resampler path) before anything is timed.
            foreach (var (_, paths) in sets) TimeMsaMl(paths, threads, 1);
            Thread.Sleep(500);
            if (args.Contains("--stages-only"))
            {
                Console.WriteLine(FeaturizerStages.Report(sets, repeats));
                return 0;
            }
            Console.WriteLine($"{Environment.ProcessorCount} cores, MsaMl MaxThreads {threads}, torch threads {threads}; best of {rounds} rounds x {repeats} repeats after a warm-up pass; uptime: {Uptime()}");
            Console.WriteLine();
            Console.WriteLine("| files | count | audio s | MsaMl s | MsaMl files/s | torchaudio s | torchaudio files/s | MsaMl vs torchaudio |");
            Console.WriteLine("|---|---|---|---|---|---|---|---|");
            double worst = double.MaxValue;
            foreach (var (name, paths) in sets)
            {
                double audio = paths.Sum(p => WavReader.Read(p).DurationSeconds);
                // Rounds alternate MsaMl and the peer, so both see the same spells of machine load.
                double msaml = double.MaxValue;
                double? torch = null;
                for (int round = 0; round < rounds; round++)
                {
                    msaml = Math.Min(msaml, TimeMsaMl(paths, threads, repeats));
                    if (peer) torch = Math.Min(torch ?? double.MaxValue, TimePeer(paths, threads, repeats, folder));
                }
                string ratio = torch is double t ? $"**{t / msaml:F2}x**" : "n/a";
                if (torch is double w) worst = Math.Min(worst, w / msaml);
                Console.WriteLine($"| {name} | {paths.Count} | {audio:F1} | {msaml:F3} | {paths.Count / msaml:F0} | {(torch is double a ? a.ToString("F3") : "n/a")} | {(torch is double b ? (paths.Count / b).ToString("F0") : "n/a")} | {ratio} |");
            }

            if (peer) Console.WriteLine($"\nlowest ratio {worst:F2}x: target (>= 2x at every sample rate) {(worst >= 2 ? "met" : "NOT met")}{LoadWarning()}");
            Console.WriteLine();
            var sixteen = sets[0].Item2;
            Console.WriteLine($"Dataset standardization on the 16 kHz set, Fit + transform (decodes once): {TimeMsaMl(sixteen, threads, repeats, SpectrogramStandardization.Dataset):F3} s; per-utterance: {TimeMsaMl(sixteen, threads, repeats, SpectrogramStandardization.PerUtterance):F3} s");
            Console.WriteLine();
            Console.WriteLine(FeaturizerStages.Report(sets, repeats));
            Console.WriteLine(StftChoice.Report(sets[0].Item2, repeats));
            Console.WriteLine($"uptime at the end: {Uptime()}");
            return 0;
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    public static LogSpectrogramOptions Options(int threads, SpectrogramStandardization standardization = SpectrogramStandardization.None) => new()
    {
        SampleRate = 16000, WindowMs = 20, HopMs = 10, MelBands = 64, Deltas = true, TimeFrames = 400,
        MaxThreads = threads, Standardization = standardization,
    };

    private sealed class PathRow { public string AudioPath { get; set; } = ""; }

    private static double TimeMsaMl(IReadOnlyList<string> paths, int threads, int repeats, SpectrogramStandardization standardization = SpectrogramStandardization.None)
    {
        var times = new List<double>();
        for (int r = 0; r <= repeats; r++)
        {
            var clock = Stopwatch.StartNew();
            var ml = new MLContext(seed: 1);
            var data = ml.Data.LoadFromEnumerable(paths.Select(p => new PathRow { AudioPath = p }));
            var model = ml.Msa().Transforms.LogSpectrogram(Options(threads, standardization)).Fit(data);
            int rows = DataViewDrain.Column(model.Transform(data), "Spectrogram");
            if (rows != paths.Count) throw new InvalidOperationException($"{rows} rows featurized, {paths.Count} expected");
            if (r > 0) times.Add(clock.Elapsed.TotalSeconds);
        }
        return times.Min();
    }

    private static double TimePeer(IReadOnlyList<string> paths, int threads, int repeats, string folder)
    {
        string list = Path.Combine(folder, "peer-files.txt");
        File.WriteAllLines(list, paths);
        string script = Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "benchmarks", "peers", "torchaudio_featurize.py");
        var start = new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" --list \"{list}\" --threads {threads} --repeats {repeats}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"torchaudio peer failed: {error}");
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("seconds").GetDouble();
    }

    private static string? FindEmoDb()
    {
        foreach (var root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(root); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "datasets", "emodb", "wav");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }

    // Other processes on the cores make both sides slower, torchaudio's spinning OpenMP threads far more.
    private static string LoadWarning()
    {
        if (!File.Exists("/proc/loadavg")) return "";
        double load = double.Parse(File.ReadAllText("/proc/loadavg").Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        return load > Environment.ProcessorCount ? $" (1-minute load {load:F1} on {Environment.ProcessorCount} cores: not a clean measurement, rerun on an idle machine)" : "";
    }

    private static string Uptime() => File.Exists("/proc/loadavg") ? "load " + string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
