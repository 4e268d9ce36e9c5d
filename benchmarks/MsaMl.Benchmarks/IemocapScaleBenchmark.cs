using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Benchmarks;

/// <summary>
/// <c>iemocap-scale</c>: a preset's AAT on a full-size IEMOCAP-format tree (benchmarks/iemocap-synth):
/// featurize time (fit + the three splits into the on-disk feature cache), time per epoch (a whole
/// epoch, or with <c>--batches N</c> the first N batches, extrapolated to an epoch), and the peak
/// RSS of each phase against the in-memory bytes of the features.
/// <code>dotnet run -c Release --project benchmarks/MsaMl.Benchmarks -- iemocap-scale --root ROOT --preset fast|paper [--batches N] [--budget MiB] [--set key=value] [--keep | --features DIR] [--pause S] [--live-every N]</code>
/// </summary>
internal static class IemocapScaleBenchmark
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static int Run(string[] args)
    {
        string root = Arg(args, "--root") ?? throw new ArgumentException("--root IEMOCAP_full_release is required");
        string preset = Arg(args, "--preset") ?? "fast";
        int batches = int.Parse(Arg(args, "--batches") ?? "0", Inv);
        string? budget = Arg(args, "--budget");
        int limit = int.Parse(Arg(args, "--limit") ?? "0", Inv);
        var overlay = new JsonObject { ["preset"] = preset, ["dataset"] = new JsonObject { ["name"] = "iemocap", ["root"] = root }, ["model"] = new JsonObject { ["name"] = "aat", ["epochs"] = 1 } };
        if (budget != null) overlay["model"]!["memoryBudgetMegabytes"] = double.Parse(budget, Inv);
        // --set key.path=value (repeatable), as msa train --set.
        for (int i = 0; i + 1 < args.Length; i++)
            if (args[i] == "--set") ConfigOverlay.Set(overlay, args[i + 1]);
        var config = ExperimentConfigResolver.Resolve(overlay);
        int seed = config.Evaluation.Seeds[0];
        var ml = new MLContext(seed: seed);
        var log = new Log();

        Console.WriteLine($"iemocap-scale: preset {preset}, root {root}, {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 20):N0} MiB available, feature budget {(budget ?? "default")} MiB ({FeatureMemory.DefaultBudgetBytes >> 20:N0} MiB default)");
        var clock = Stopwatch.StartNew();
        var data = ConfiguredDataset.Load(ml, config);
        if (limit > 0) data = data with { Records = data.Records.Take(limit).ToList() };
        Console.WriteLine($"read {data.Records.Count:N0} utterances ({string.Join(", ", data.Records.GroupBy(r => r.Split).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count():N0}"))}) in {clock.Elapsed.TotalSeconds:F1} s; {data.Warnings.Count} reader warnings");
        var task = ConfiguredTask.Create(ml, "iemocap", data.Records, data.Labels, config, log);

        Peak.Reset();
        clock.Restart();
        // --features DIR reuses the .idv files of an earlier run (kept with --keep) instead of featurizing.
        string? reuse = Arg(args, "--features");
        using var splits = reuse == null ? task.Featurize(ml, log)
            : new FeaturizedSplits(null!, null!, new FeatureFileView(ml, Path.Combine(reuse, "train.idv")), new FeatureFileView(ml, Path.Combine(reuse, "validation.idv")), new FeatureFileView(ml, Path.Combine(reuse, "test.idv")));
        double featurizeSeconds = clock.Elapsed.TotalSeconds;
        if (args.Contains("--keep") && splits.Cache != null)
        {
            string kept = Path.Combine(Path.GetTempPath(), "msaml-scale-features-" + preset);
            if (Directory.Exists(kept)) Directory.Delete(kept, true);
            Directory.CreateDirectory(kept);
            foreach (string file in Directory.GetFiles(splits.Cache.Folder, "*.idv")) File.Copy(file, Path.Combine(kept, Path.GetFileName(file)));
            Console.WriteLine($"  features kept in {kept} (pass --features {kept}; delete it when done)");
        }
        long featurizePeak = Peak.Bytes();
        Pause(args, "--pause-featurized");
        Console.WriteLine($"  {Peak.Describe(live: true)}");
        var featureColumns = splits.Train.Schema.Where(c => !c.IsHidden && c.Type is VectorDataViewType { ItemType: var t } && t == NumberDataViewType.Single).Select(c => c.Name).ToArray();
        long allBytes = new[] { splits.Train, splits.Validation, splits.Test }.Sum(v => FeatureMemory.Bytes(v, featureColumns));
        Console.WriteLine($"featurize: {featurizeSeconds:F0} s ({data.Records.Count / featurizeSeconds:F1} utterances/s), peak RSS {Mib(featurizePeak)}; features in memory would be {Mib(allBytes)} ({string.Join(", ", featureColumns)}); on disk {Mib(splits.Cache?.BytesOnDisk ?? 0)} (.idv)");

        var trainer = (AatTrainer)new MsaMl.Experiments.Models.TaskModelBuilder(ml, task, seed, config.Training.Quick).Torch(config.Model, Modalities.Audio | Modalities.Text, "Score", "PredictedLabel");
        string[] trainerColumns = { trainer.Options.AudioColumnName, trainer.Options.TextColumnName };
        long trainerBytes = FeatureMemory.Bytes(splits.Train, trainerColumns) + FeatureMemory.Bytes(splits.Validation, trainerColumns);
        long budgetBytes = FeatureMemory.BudgetBytes(trainer.Options);
        int batchSize = trainer.Options.BatchSize;
        long trainRows = FeatureMemory.Rows(splits.Train);
        int perEpoch = (int)((trainRows + batchSize - 1) / batchSize);
        bool streams = trainerBytes > budgetBytes || !FeatureMemory.FitsArrays(splits.Train, trainerColumns);
        long windowBatches = Math.Max(1, budgetBytes / (batchSize * FeatureMemory.RowFloats(splits.Train, trainerColumns) * sizeof(float)));
        int passes = streams ? (int)Math.Ceiling(trainRows / (double)(Math.Min(windowBatches, perEpoch) * batchSize)) : 0;

        var times = new List<TimeSpan>();
        var cancel = new CancellationTokenSource();
        var fitClock = new Stopwatch();
        trainer.BatchProgress = new Batches(fitClock, times, batches, cancel, int.Parse(Arg(args, "--live-every") ?? "0", Inv));
        trainer.Progress = new Epochs();
        trainer.Cancellation = cancel.Token;
        Peak.Reset();
        fitClock.Start();
        try
        {
            trainer.Fit(splits.Train, splits.Validation);
        }
        catch (OperationCanceledException)
        {
        }
        long trainPeak = Peak.Bytes();
        Pause(args, "--pause");
        Console.WriteLine($"  {Peak.Describe(live: true)}");
        Console.WriteLine($"train: {trainRows:N0} rows, batch {batchSize}, {perEpoch} batches per epoch; trainer features (train + validation, {string.Join(", ", trainerColumns)}) {Mib(trainerBytes)}, budget {Mib(budgetBytes)}: " +
            (streams ? $"streamed from the .idv, {passes} gathering pass(es) per epoch" : "held in memory"));
        if (times.Count == 0) throw new InvalidOperationException("no batch was trained");
        var gaps = times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
        double perBatch = gaps.Count > 0 ? gaps.Average() : times[0].TotalSeconds;
        double first = times[0].TotalSeconds;
        if (batches > 0)
        {
            // The first batch waits for the features to be read (in memory) or for the first window to be gathered.
            double load = Math.Max(0, first - perBatch);
            double epoch = perBatch * perEpoch + load * Math.Max(1, passes);
            Console.WriteLine($"epoch (extrapolated from {times.Count} batches): {perBatch:F2} s per batch after the first; first batch after {first:F1} s (reading/gathering about {load:F1} s); " +
                $"one epoch about {epoch / 60:F1} min = {perEpoch} x {perBatch:F2} s + {Math.Max(1, passes)} x {load:F1} s");
        }
        else
            Console.WriteLine($"epoch (measured, 1 epoch with validation): {fitClock.Elapsed.TotalSeconds:F1} s from Fit to the end, last batch at {times[^1].TotalSeconds:F1} s; {perBatch:F3} s per batch");
        Console.WriteLine($"peak RSS: featurize {Mib(featurizePeak)}, train {Mib(trainPeak)}; all features in memory {Mib(allBytes)}: ratio {(double)Math.Max(featurizePeak, trainPeak) / allBytes:F2}x");
        return 0;
    }

    /// <summary>--pause S / --pause-featurized S: time to attach a heap-dump tool (dotnet-dump collect -p PID) before the live figure.</summary>
    private static void Pause(string[] args, string name)
    {
        if (Arg(args, name) is not string seconds) return;
        Console.WriteLine($"  pausing {seconds} s, pid {Environment.ProcessId}");
        Thread.Sleep(TimeSpan.FromSeconds(double.Parse(seconds, Inv)));
    }

    private static string Mib(long bytes) => string.Format(Inv, "{0:N0} MiB", bytes >> 20);

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    /// <summary>The process's peak resident set (Linux VmHWM), resettable between phases, and the managed heap's peak committed bytes (sampled).</summary>
    private static class Peak
    {
        private static long _managedPeak;
        private static readonly Timer Sampler = new(_ =>
        {
            long committed = GC.GetGCMemoryInfo().TotalCommittedBytes;
            if (committed > Interlocked.Read(ref _managedPeak)) Interlocked.Exchange(ref _managedPeak, committed);
        }, null, 0, 250);

        public static string Describe(bool live = false) =>
            $"RSS now {Mib(Environment.WorkingSet)}, peak {Mib(Bytes())}; managed heap committed peak {Mib(Interlocked.Read(ref _managedPeak))} (sampled), now {Mib(GC.GetGCMemoryInfo().TotalCommittedBytes)}" +
            (live ? $", live {Mib(GC.GetTotalMemory(forceFullCollection: true))}; after an aggressive collection RSS {Mib(AggressiveRss())}" : "");

        private static long AggressiveRss()
        {
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            return Environment.WorkingSet;
        }

        public static void Reset()
        {
            GC.KeepAlive(Sampler);
            Interlocked.Exchange(ref _managedPeak, 0);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            try { File.WriteAllText("/proc/self/clear_refs", "5"); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }

        public static long Bytes()
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                    return long.Parse(line.Split(new[] { ' ', '\t' }, StringSplitOptions.RemoveEmptyEntries)[1], Inv) * 1024;
            return Environment.WorkingSet;
        }
    }

    private sealed class Batches(Stopwatch clock, List<TimeSpan> times, int limit, CancellationTokenSource cancel, int liveEvery) : IProgress<BatchReport>
    {
        public void Report(BatchReport value)
        {
            times.Add(clock.Elapsed);
            if (value.Batch % 10 == 0 || limit > 0)
                Console.WriteLine(string.Format(Inv, "  batch {0}/{1} at {2:F1} s, loss {3:F4}; {4}", value.Batch, value.BatchesPerEpoch, clock.Elapsed.TotalSeconds, value.RunningLoss, Peak.Describe(live: liveEvery > 0 && value.Batch % liveEvery == 0)));
            if (limit > 0 && times.Count >= limit) cancel.Cancel();
        }
    }

    private sealed class Epochs : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => Console.WriteLine(string.Format(Inv, "  epoch {0}/{1}: loss {2:F4}, train accuracy {3:P1}, validation accuracy {4:P1}, {5:F1} s",
            value.Epoch, value.Epochs, value.TrainLoss, value.TrainAccuracy, value.ValidationAccuracy, value.Elapsed.TotalSeconds));
    }

    private sealed class Log : IExperimentProgress
    {
        public void Stage(string task, string message) => Console.WriteLine($"  {message}");
        public void Epoch(string task, string model, EpochReport report) =>
            Console.WriteLine(string.Format(Inv, "  epoch {0}: loss {1:F4}, validation accuracy {2:P1}, {3:F1} s", report.Epoch, report.TrainLoss, report.ValidationAccuracy, report.Elapsed.TotalSeconds));
        public IProgress<FeaturizingProgress> Featurizing(string task, string pass) => new Rows(pass);
    }

    private sealed class Rows(string pass) : IProgress<FeaturizingProgress>
    {
        private int _decile = -1;

        public void Report(FeaturizingProgress value)
        {
            int decile = value.Fraction is double f ? (int)(f * 10) : 0;
            if (decile <= _decile) return;
            _decile = decile;
            Console.WriteLine(string.Format(Inv, "  featurizing {0} ({1}): {2:N0}/{3:N0} rows, {4:F1} rows/s, {5:F0} s", pass, value.Transform, value.Rows, value.TotalRows, value.RowsPerSecond, value.Elapsed.TotalSeconds));
        }
    }
}
