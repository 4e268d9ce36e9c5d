using System.Diagnostics;
using System.Globalization;
using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Benchmarks;

/// <summary>
/// Scoring soak: T threads x N predictions through one loaded bundle, one PredictionEngine per
/// thread, every score checked against single-threaded scoring of the same row; resident memory
/// at start (after warm-up), middle and end. Usage: soak --bundle ote.zip [--corpus datasets/demo]
/// [--threads 8] [--predictions 10000] (per thread).
/// </summary>
public static class ScoringSoak
{
    public sealed class Prediction
    {
        public float[] Score { get; set; } = [];
    }

    public static int Run(string[] args)
    {
        string bundle = Argument(args, "--bundle") ?? throw new ArgumentException("soak needs --bundle <model.zip>");
        string? corpus = Argument(args, "--corpus");
        int threads = int.Parse(Argument(args, "--threads") ?? "8", CultureInfo.InvariantCulture);
        int perThread = int.Parse(Argument(args, "--predictions") ?? "10000", CultureInfo.InvariantCulture);

        var ml = new MLContext(seed: 1);
        var model = ml.Msa().Model.Load(bundle, out var schema);
        bool speech = schema.GetColumnOrNull("AudioPath") != null;
        var table = speech ? DemoCorpusReader.ReadSpeech(ml, corpus) : DemoCorpusReader.ReadImages(ml, corpus);
        var rows = table.Records.Where(r => r.Split == "test").Select(r => new MultimodalRecord
        {
            Id = r.Id, Text = r.Text, AudioPath = r.AudioPath, ImagePath = r.ImagePath, Label = r.Label, Split = r.Split,
        }).ToArray();
        var reference = ml.Model.CreatePredictionEngine<MultimodalRecord, Prediction>(model);
        var expected = rows.Select(r => reference.Predict(r).Score.ToArray()).ToArray();

        long total = (long)threads * perThread, done = 0, mismatches = 0, errors = 0;
        long start = ResidentBytes(), middle = 0;
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"soak: {Path.GetFileName(bundle)}, {threads} threads x {perThread:N0} predictions, {rows.Length} distinct rows; RSS at start {Mb(start)}");
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            using var engine = ml.Model.CreatePredictionEngine<MultimodalRecord, Prediction>(model);
            for (int i = 0; i < perThread; i++)
            {
                int row = (t * 7919 + i) % rows.Length;
                try
                {
                    var score = engine.Predict(rows[row]).Score;
                    if (!score.Zip(expected[row], (a, b) => Math.Abs(a - b) <= 1e-5f).All(ok => ok)) Interlocked.Increment(ref mismatches);
                }
                catch (Exception ex)
                {
                    if (Interlocked.Increment(ref errors) == 1) Console.Error.WriteLine($"first error: {ex}");
                }
                long n = Interlocked.Increment(ref done);
                if (n == total / 2) Interlocked.Exchange(ref middle, ResidentBytes());
                if (n % (total / 10) == 0) Console.WriteLine($"  {n:N0}/{total:N0} predictions, {n / clock.Elapsed.TotalSeconds:F0}/s, RSS {Mb(ResidentBytes())}");
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        long end = ResidentBytes();
        double drift = middle > 0 ? (end - middle) / (double)middle : double.NaN;
        Console.WriteLine($"soak done: {done:N0} predictions in {clock.Elapsed.TotalSeconds:F0} s ({done / clock.Elapsed.TotalSeconds:F0}/s); " +
                          $"errors {errors}, score mismatches {mismatches}; RSS start {Mb(start)}, middle {Mb(middle)}, end {Mb(end)} " +
                          $"(end vs middle {drift:+0.0%;-0.0%}; target within 10 %)");
        return errors == 0 && mismatches == 0 && Math.Abs(drift) <= 0.10 ? 0 : 1;
    }

    internal static string? Argument(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    /// <summary>VmRSS of this process, from /proc/self/status.</summary>
    internal static long ResidentBytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }

    internal static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):F0} MB";
}
