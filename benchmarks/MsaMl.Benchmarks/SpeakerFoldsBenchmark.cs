using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Pipelines.Scoring;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Normalization;

namespace MsaMl.Benchmarks;

/// <summary>
/// Speech-emotion recipes on speaker-independent folds of two real corpora, with the scikit-learn
/// peers on the same folds in the same run (benchmarks/peers/speaker_folds.py): EmoDB (acted
/// German, leave-one-speaker-out, 10 folds) and URDU (spontaneous Urdu talk shows, 5 folds of whole
/// speakers, speakers assigned in sorted order). Every row is predicted by a model that never saw
/// its speaker; WA and UA are over the pooled predictions. MsaMl recipes: acoustic functionals
/// and/or log-mel statistics, standardized globally or per speaker (GroupStandardization, test
/// speakers from their own unlabeled rows), then an ML.NET trainer; several seeds, mean ± std.
/// Then EmoDB on <c>msa train</c>'s split through the experiment path itself (ConfiguredExperiment,
/// the fast preset): the audio model as <c>msa train --dataset emodb --model audio</c> trains it, and
/// with --cnn the small-CNN audio model (<c>--set model.pooled=null</c>) on the same seeds.
/// With --imagenet-cnn (EmoDB), the log-mel spectrogram read as an image by the ImageNet ResNet-18
/// (<see cref="ImageNetSpectrogramSplit"/>) on msa train's test speakers, --imagenet-epochs N (default 10),
/// --imagenet-stages the TrainableStages values to run (default 0,1);
/// --imagenet-folds the same ImageNet model on the speaker folds (one seed, every fold predicted by a model trained on the others);
/// --no-folds skips the recipes on the speaker folds; --cnn-late adds the default and the small CNN
/// trained per fold through msa train's path, scored from their bundles, and their late fusion.
/// Usage: speech-folds [--corpus emodb|urdu|both] [--seeds 1,2,3] [--no-peer] [--sdca] [--no-train-split] [--cnn] [--imagenet-cnn] [--imagenet-epochs N] [--imagenet-stages 0,1] [--imagenet-folds] [--no-folds] [--cnn-late] [--time-frames N] [--only A,B] [--speeds 0.9,1.1] [--quartiles on|off] [--l2 X] [--datasets folder]
/// </summary>
public static class SpeakerFoldsBenchmark
{
    private sealed record Utterance(string Id, string Path, string Label, string Speaker, string Fold);

    private sealed record FeatureRow
    {
        /// <summary>The file's id; a speed copy's carries <see cref="TrainingSpeedCopies.Marker"/> and its speed, as in msa train.</summary>
        public string Id { get; set; } = "";
        public string Label { get; set; } = "";
        public string Speaker { get; set; } = "";
        public float[] Functionals { get; set; } = [];
        public float[] MelStatistics { get; set; } = [];
        public float[] Both { get; set; } = [];
        /// <summary><see cref="Both"/> without the log spectrogram's quartiles (the same as Both when the featurizer writes none).</summary>
        public float[] BothWithoutQuartiles { get; set; } = [];
    }

    private sealed record Recipe(string Name, string Column, bool PerSpeaker, string Trainer, float? L2 = null, float? L1 = null, bool Center = true, Augmentation? Augment = Augmentation.None, bool? SpeakerCopy = null, bool SameVoice = false, bool? Balance = null, float TestCopies = 0, string[]? Members = null, bool Averaged = false);

    /// <summary>Which augmented copies of the training folds' files join the training rows (test folds are never augmented).</summary>
    [Flags]
    private enum Augmentation { None = 0, Speed = 1, Noise = 2 }

    /// <summary>Speed factors and the signal-to-noise ratio of the augmented copies (<see cref="SpeechAugmentation"/>).</summary>
    private static double[] AugmentSpeeds => Speeds ?? (Preset.Model.SpeedCopies.Count > 0 ? Preset.Model.SpeedCopies.ToArray() : [0.9, 1.1]);

    /// <summary>--speeds 0.8,0.9,...: the speed copies' factors instead of the preset's.</summary>
    private static double[]? Speeds;
    private static readonly double[] AugmentSnrDb = [20];

    /// <summary>The fast preset's speech configuration with its audio model: the featurizer options and the pooled model the benchmark measures as the default.</summary>
    private static readonly ExperimentConfig Preset = ExperimentConfigJson.FromJson(ExperimentPresets.Defaults(ExperimentPresets.Fast, "emodb", "audio"));

    private const string PresetName = "two L-BFGS models over functionals + log-mel statistics and quartiles, each with a copy standardized per speaker, L2 1, classes balanced, their probabilities averaged: the first centered and trained also on the files at speeds 0.9 and 1.1 as voices of their own, the second scaled but not centered and trained on the files alone (the fast preset's audio model)";
    private const string FirstName = "the first model alone: functionals + log-mel statistics and quartiles, global and a copy standardized per speaker, training files also at speeds 0.9 and 1.1 as voices of their own -> L-BFGS, L2 1, classes balanced (the preset before the average)";
    private const string SameVoiceName = "  the same, speed copies standardized with their original speaker's statistics";
    private const string NotCenteredName = "  the same without the speed copies, scaled to unit second moment but not centered (ML.NET's NormalizeMeanVariance default)";
    private const string NoCopiesName = "  the same without the speed copies";
    private const string NotCenteredCopiesName = "  the same, scaled to unit second moment but not centered";
    private const string NoiseName = "  the same with copies in white noise at 20 dB SNR instead of the speed copies";

    private static readonly Recipe[] Recipes =
    [
        new("functionals, global standardization -> L-BFGS max. entropy", "Functionals", false, "lbfgs"),
        new("functionals, per speaker -> L-BFGS max. entropy", "Functionals", true, "lbfgs"),
        new("log-mel statistics, per speaker -> L-BFGS max. entropy", "MelStatistics", true, "lbfgs"),
        new(PresetName, "Both", false, "preset", Augment: null, Averaged: true),
        new(FirstName, "Both", false, "preset", Augment: null),
        new("  the same, each test file also scored at speeds 0.9 and 1.1 (as voices of their own), the three probabilities averaged", "Both", false, "preset", Augment: null, TestCopies: 1),
        new("  the same, each test file also scored at speeds 0.9 and 1.1, the copies' probabilities at half the original's weight", "Both", false, "preset", Augment: null, TestCopies: 0.5f),
        new("  the same, classes not balanced (the preset before class balancing)", "Both", false, "preset", Augment: null, Balance: false),
        new("  the same, L2 0.1 instead of 1", "Both", false, "preset", 0.1f, Augment: null),
        new("  the same, L2 3 instead of 1", "Both", false, "preset", 3f, Augment: null),
        new(SameVoiceName, "Both", false, "preset", Augment: null, SameVoice: true),
        new("  the same, speed copies standardized with their original speaker's statistics, L2 0.1, classes not balanced (the preset before the quartiles)", "BothWithoutQuartiles", false, "preset", 0.1f, Augment: null, SameVoice: true, Balance: false),
        new("  the same without the quartiles", "BothWithoutQuartiles", false, "preset", Augment: null),
        new(NoCopiesName, "Both", false, "preset"),
        new(NotCenteredCopiesName, "Both", false, "preset", Augment: null, Center: false),
        new("  the same without the per-speaker copy", "Both", false, "preset", SpeakerCopy: false, Augment: null),
        new("  the same without either", "Both", false, "preset", SpeakerCopy: false),
        new("  the same without either, nor the quartiles, L2 0.1, classes not balanced (the preset before the copies)", "BothWithoutQuartiles", false, "preset", 0.1f, SpeakerCopy: false, Balance: false),
        new("  the same without the speed copies, L1 0 instead of 1", "Both", false, "preset", L1: 0f),
        new("  the same without the speed copies, scaled to unit second moment but not centered (ML.NET's NormalizeMeanVariance default)", "Both", false, "preset", Center: false),
        new(NoiseName, "Both", false, "preset", Augment: Augmentation.Noise),
        new("  the same with speed and noise copies (3 copies per file)", "Both", false, "preset", Augment: Augmentation.Speed | Augmentation.Noise),
        new("late average (probabilities) of the first model and its variant without the speed copies, not centered (what the preset's row trains as two models)", "Both", false, "ensemble", Members: [FirstName, NotCenteredName]),
        new("late average of the first model and its variant without the speed copies", "Both", false, "ensemble", Members: [FirstName, NoCopiesName]),
        new("late average of the first model and its variant not centered", "Both", false, "ensemble", Members: [FirstName, NotCenteredCopiesName]),
        new("late average of the first model's variants without the speed copies, centered and not", "Both", false, "ensemble", Members: [NoCopiesName, NotCenteredName]),
        new("late average of the first model and its variant with the copies standardized with their original speaker's statistics", "Both", false, "ensemble", Members: [FirstName, SameVoiceName]),
        new("late average of the first model and its variant with noise copies", "Both", false, "ensemble", Members: [FirstName, NoiseName]),
        new("late average of the first model, its same-voice and noise-copy variants", "Both", false, "ensemble", Members: [FirstName, SameVoiceName, NoiseName]),
        new("functionals + log-mel statistics and quartiles, per speaker -> L-BFGS max. entropy", "Both", true, "lbfgs"),
        new("functionals + log-mel statistics, per speaker -> L-BFGS max. entropy", "BothWithoutQuartiles", true, "lbfgs"),
        new("functionals + log-mel statistics and quartiles, per speaker -> L-BFGS, L2 1 (the preset's trainer)", "Both", true, "preset"),
        new("functionals + log-mel statistics and quartiles, per speaker -> SDCA max. entropy", "Both", true, "sdca"),
    ];

    /// <summary>--time-frames: the spectrogram length the log-mel statistics are taken over, instead of the preset's (the folds' rows only; msa train's rows keep the preset).</summary>
    private static int? TimeFrames;

    /// <summary>--quartiles on|off: the log-mel statistics with or without the log spectrogram's quartiles, instead of the preset's choice.</summary>
    private static bool? Quartiles;

    /// <summary>--l2 X: the L2 weight of the preset's rows that name none, instead of the preset's.</summary>
    private static float? L2;

    /// <summary>--l1 X: the L1 weight of the preset's rows that name none, instead of the preset's.</summary>
    private static float? L1;

    /// <summary>--only A,B: the recipes whose name contains one of them (the peers still run unless --no-peer).</summary>
    private static string? Only;

    public static int Run(string[] args)
    {
        TimeFrames = TrainingStepBenchmark.StringArg(args, "--time-frames") is { } frames ? int.Parse(frames) : null;
        Only = TrainingStepBenchmark.StringArg(args, "--only");
        L2 = TrainingStepBenchmark.StringArg(args, "--l2") is { } l2 ? float.Parse(l2, CultureInfo.InvariantCulture) : null;
        L1 = TrainingStepBenchmark.StringArg(args, "--l1") is { } l1 ? float.Parse(l1, CultureInfo.InvariantCulture) : null;
        Quartiles = TrainingStepBenchmark.StringArg(args, "--quartiles") is { } q ? q == "on" : null;
        Speeds = TrainingStepBenchmark.StringArg(args, "--speeds")?.Split(',').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        string corpus = TrainingStepBenchmark.StringArg(args, "--corpus") ?? "both";
        int[] seeds = (TrainingStepBenchmark.StringArg(args, "--seeds") ?? "1,2,3").Split(',').Select(int.Parse).ToArray();
        string datasets = TrainingStepBenchmark.StringArg(args, "--datasets") ?? Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "..", "shared", "datasets");
        Console.WriteLine($"# speech-folds, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, seeds {string.Join(",", seeds)}, log-mel statistics over {TimeFrames ?? Preset.Featurizers.Spectrogram!.TimeFrames} frames");
        if (corpus is "emodb" or "both" && !args.Contains("--no-folds")) Evaluate("EmoDB, leave one speaker out (10 folds)", EmoDb(Path.Combine(datasets, "emodb", "wav")), seeds, !args.Contains("--no-peer"), args.Contains("--sdca"));
        if (corpus is "emodb" or "both" && !args.Contains("--no-train-split")) MsaTrainSplit(Path.Combine(datasets, "emodb"), seeds, args.Contains("--cnn"));
        if (corpus is "emodb" or "both" && args.Contains("--imagenet-cnn"))
            ImageNetSpectrogramSplit.Run(EmoDb(Path.Combine(datasets, "emodb", "wav")).Select(u => (u.Path, u.Label, u.Speaker)).ToList(), seeds,
                int.Parse(TrainingStepBenchmark.StringArg(args, "--imagenet-epochs") ?? "10"),
                (TrainingStepBenchmark.StringArg(args, "--imagenet-stages") ?? "0,1").Split(',').Select(int.Parse).ToArray());
        if (corpus is "urdu" or "both" && !args.Contains("--no-folds")) Evaluate("URDU, 5 folds of whole speakers", Urdu(Path.Combine(datasets, "urdu")), seeds, !args.Contains("--no-peer"), args.Contains("--sdca"));
        if (corpus is "urdu" or "both" && !args.Contains("--no-train-split")) MsaTrainFolds(Urdu(Path.Combine(datasets, "urdu")), seeds, args.Contains("--cnn"));
        if (args.Contains("--imagenet-folds"))
        {
            int epochs = int.Parse(TrainingStepBenchmark.StringArg(args, "--imagenet-epochs") ?? "10");
            int[] stages = (TrainingStepBenchmark.StringArg(args, "--imagenet-stages") ?? "0,1").Split(',').Select(int.Parse).ToArray();
            if (corpus is "emodb" or "both")
                ImageNetSpectrogramSplit.RunFolds("EmoDB, leave one speaker out", EmoDb(Path.Combine(datasets, "emodb", "wav")).Select(u => (u.Path, u.Label, u.Fold)).ToList(), seeds[0], epochs, stages);
            if (corpus is "urdu" or "both")
                ImageNetSpectrogramSplit.RunFolds("URDU, 5 folds of whole speakers", Urdu(Path.Combine(datasets, "urdu")).Select(u => (u.Path, u.Label, u.Fold)).ToList(), seeds[0], epochs, stages);
        }
        if (args.Contains("--cnn-late"))
        {
            if (corpus is "emodb" or "both") CnnLateFusion("EmoDB, leave one speaker out", EmoDb(Path.Combine(datasets, "emodb", "wav")), seeds[0]);
            if (corpus is "urdu" or "both") CnnLateFusion("URDU, 5 folds of whole speakers", Urdu(Path.Combine(datasets, "urdu")), seeds[0]);
        }
        return 0;
    }

    private static List<Utterance> EmoDb(string folder) =>
        Directory.GetFiles(folder, "*.wav").Order(StringComparer.Ordinal).Select(path =>
        {
            var name = EmoDbFileName.TryParse(Path.GetFileName(path), out string problem) ?? throw new InvalidDataException($"{path}: {problem}");
            return new Utterance(Path.GetFileNameWithoutExtension(path), path, EmoDbFileName.Emotions[name.Emotion], name.Speaker, name.Speaker);
        }).ToList();

    private static List<Utterance> Urdu(string folder)
    {
        var files = Directory.GetDirectories(folder).Order(StringComparer.Ordinal)
            .SelectMany(d => Directory.GetFiles(d, "*.wav").Order(StringComparer.Ordinal).Select(f => (Emotion: Path.GetFileName(d), Path: f)))
            .Select(f => (f.Emotion, f.Path, Speaker: Path.GetFileName(f.Path).Split('_')[0])).ToList();
        var speakers = files.Select(f => f.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        return files.Select(f => new Utterance(Path.GetFileNameWithoutExtension(f.Path), f.Path, f.Emotion, f.Speaker, "fold" + speakers.IndexOf(f.Speaker) % 5)).ToList();
    }

    private static void Evaluate(string title, List<Utterance> rows, int[] seeds, bool peer, bool sdca)
    {
        Console.WriteLine($"\n## {title}: {rows.Count} files, {rows.Select(r => r.Speaker).Distinct().Count()} speakers, {rows.Select(r => r.Label).Distinct().Count()} classes");
        var ml = new MLContext(1);
        Probabilities.Clear();
        var clock = Stopwatch.StartNew();
        var features = Featurize(ml, rows);
        Console.WriteLine($"featurized in {clock.Elapsed.TotalSeconds:F1} s (functionals {features[0].Functionals.Length}, log-mel statistics {features[0].MelStatistics.Length} values per file)");
        clock.Restart();
        var recipes = Recipes.Where(r => (r.Trainer != "sdca" || sdca) && (Only == null || Only.Split(',').Any(o => r.Name.Contains(o, StringComparison.OrdinalIgnoreCase)))).ToList();
        var copies = recipes.Any(r => AugmentationOf(r) != Augmentation.None) ? AugmentedCopies(ml, rows) : rows.Select(_ => Array.Empty<FeatureRow>()).ToArray();
        if (copies.Any(c => c.Length > 0))
            Console.WriteLine($"{copies.Sum(c => c.Length)} augmented copies (speeds {string.Join(", ", AugmentSpeeds)}; white noise at {string.Join(", ", AugmentSnrDb)} dB SNR) written and featurized in {clock.Elapsed.TotalSeconds:F1} s");
        Console.WriteLine("\n| recipe | UA | WA | seconds |\n|---|---|---|---|");
        foreach (var recipe in recipes)
        {
            clock.Restart();
            var scores = (recipe.Trainer == "sdca" ? seeds : seeds.Take(1)).Select(seed => recipe.Members != null ? Ensemble(features, recipe) : Pooled(rows, features, copies, recipe, seed)).ToList();
            string seedNote = recipe.Trainer == "sdca" ? $" ({scores.Count} seeds)" : " (deterministic)";
            Console.WriteLine($"| {recipe.Name}{seedNote} | {MeanStd(scores.Select(s => s.Ua))} | {MeanStd(scores.Select(s => s.Wa))} | {clock.Elapsed.TotalSeconds:F1} |");
        }
        if (peer) Console.WriteLine(Peers(rows, features));
    }

    /// <summary>The audio models <c>msa train</c> trains: the fast preset's pooled default (deterministic, one seed) and, with --cnn, the small CNN on every seed.</summary>
    private static List<(string Name, int[] Seeds, bool Pooled)> AudioModels(int[] seeds, bool cnn)
    {
        var models = new List<(string, int[], bool)> { ("audio: functionals + log-mel statistics -> L-BFGS (the default)", seeds.Take(1).ToArray(), true) };
        if (cnn) models.Add(("audio: small CNN, the AAT's audio branch (--set model.pooled=null)", seeds, false));
        return models;
    }

    private static void MsaTrainSplit(string root, int[] seeds, bool cnn)
    {
        Console.WriteLine("\n## EmoDB, msa train's split (test speakers 15 and 16, validation 14), through the experiment path (fast preset)");
        Console.WriteLine("\n| model | seeds | UA | WA | seconds |\n|---|---|---|---|---|");
        foreach (var (name, modelSeeds, pooled) in AudioModels(seeds, cnn))
        {
            var clock = Stopwatch.StartNew();
            var summary = TrainThroughTheExperimentPath(new JsonObject { ["name"] = "emodb", ["root"] = root }, modelSeeds, pooled);
            Console.WriteLine($"| {name} | {string.Join(",", modelSeeds)} | {Show(summary[MetricNames.UnweightedAccuracy])} | {Show(summary[MetricNames.WeightedAccuracy])} | {clock.Elapsed.TotalSeconds:F0} |");
        }
    }

    /// <summary>
    /// URDU's five speaker folds as <c>msa train --dataset table</c> runs: fold k tests, fold k+1
    /// validates (the CNN's early stopping), the rest train. Per-fold UA and WA, averaged over the
    /// folds (not pooled: these are the metrics msa train reports), with the seeds' spread inside.
    /// </summary>
    private static void MsaTrainFolds(List<Utterance> rows, int[] seeds, bool cnn)
    {
        Console.WriteLine("\n## URDU, the same 5 speaker folds as msa train --dataset table runs (test fold k, validation fold k+1), through the experiment path (fast preset); mean over folds of per-fold UA/WA");
        Console.WriteLine("\n| model | seeds | UA | WA | seconds |\n|---|---|---|---|---|");
        string folder = Directory.CreateTempSubdirectory("msaml-speech-folds-").FullName;
        try
        {
            var folds = rows.Select(r => r.Fold).Distinct().Order(StringComparer.Ordinal).ToList();
            foreach (var (name, modelSeeds, pooled) in AudioModels(seeds, cnn))
            {
                var clock = Stopwatch.StartNew();
                var perFold = folds.Select((_, k) => TrainThroughTheExperimentPath(FoldTable(folder, rows, folds, k), modelSeeds, pooled)).ToList();
                MetricSummary Over(string metric) => MetricSummary.FromValues(perFold.SelectMany(f => f[metric].Values));
                string seedNote = modelSeeds.Length > 1 ? " (± over folds and seeds)" : " (± over folds)";
                Console.WriteLine($"| {name}{seedNote} | {string.Join(",", modelSeeds)} | {Show(Over(MetricNames.UnweightedAccuracy))} | {Show(Over(MetricNames.WeightedAccuracy))} | {clock.Elapsed.TotalSeconds:F0} |");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Fold k as a table for <c>msa train --dataset table</c> (written under <paramref name="folder"/>):
    /// fold k tests, fold k+1 validates, the rest train; the speaker is the table's group column.
    /// </summary>
    private static JsonObject FoldTable(string folder, List<Utterance> rows, IReadOnlyList<string> folds, int k)
    {
        string table = Path.Combine(folder, $"{folds[k]}.csv");
        string Split(Utterance r) => r.Fold == folds[k] ? "test" : r.Fold == folds[(k + 1) % folds.Count] ? "validation" : "train";
        File.WriteAllLines(table, new[] { "id,file,label,split,speaker" }.Concat(rows.Select(r => $"{r.Id},{r.Path},{r.Label},{Split(r)},{r.Speaker}")));
        return new JsonObject { ["name"] = "table", ["root"] = table, ["map"] = "id=id,audio=file,label=label,split=split,group=speaker" };
    }

    /// <summary>
    /// --cnn-late: per speaker fold (test fold k, validation fold k+1, as <see cref="MsaTrainFolds"/>),
    /// the default audio model and the small CNN each trained through msa train's path on one seed
    /// and saved as bundles; every test file is scored by both reloaded bundles (the fold's test
    /// speakers standardized from their own files, as msa train scores a split), and the pooled UA
    /// of the default, the CNN and the average of their probabilities is over all files.
    /// </summary>
    private static void CnnLateFusion(string title, List<Utterance> rows, int seed)
    {
        Console.WriteLine($"\n## {title}: the default and the small CNN through msa train's path per fold (test fold k, validation fold k+1), scored from their reloaded bundles, seed {seed}; UA and WA over all files");
        string folder = Directory.CreateTempSubdirectory("msaml-speech-folds-").FullName;
        var clock = Stopwatch.StartNew();
        try
        {
            var ml = new MLContext(seed);
            var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
            var folds = rows.Select(r => r.Fold).Distinct().Order(StringComparer.Ordinal).ToList();
            var probabilities = new[] { new float[rows.Count][], new float[rows.Count][] };
            for (int k = 0; k < folds.Count; k++)
            {
                var dataset = FoldTable(folder, rows, folds, k);
                var testIndexes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Fold == folds[k]).ToArray();
                var test = ml.Data.LoadFromEnumerable(testIndexes.Select(i => new MultimodalRecord
                {
                    Id = rows[i].Id, AudioPath = rows[i].Path, Label = rows[i].Label, Split = SplitNames.Test, Speaker = rows[i].Speaker,
                }));
                foreach (bool pooled in new[] { true, false })
                {
                    string bundle = Path.Combine(folder, $"{folds[k]}-{(pooled ? "default" : "cnn")}.zip");
                    TrainThroughTheExperimentPath(dataset, [seed], pooled, bundle);
                    var (model, classes, _) = BundleScoring.Load(ml, bundle);
                    var scores = model.Transform(test).GetColumn<float[]>("Score").ToArray();
                    for (int t = 0; t < testIndexes.Length; t++)
                        probabilities[pooled ? 0 : 1][testIndexes[t]] = labels.Select(l => scores[t][Array.IndexOf(classes, l)]).ToArray();
                }
                Console.Error.WriteLine($"speech-folds: {title}: fold {k + 1}/{folds.Count} done, {clock.Elapsed.TotalSeconds:F0} s");
            }
            var truth = rows.Select(r => r.Label).ToArray();
            var average = probabilities[0].Select((p, i) => p.Zip(probabilities[1][i], (a, b) => (a + b) / 2).ToArray()).ToArray();
            Console.WriteLine("\n| model | UA | WA |\n|---|---|---|");
            foreach (var (name, p) in new[] { ("the default (two averaged L-BFGS models)", probabilities[0]), ("the small CNN (--set model.pooled=null)", probabilities[1]), ("late fusion: the average of the two's probabilities", average) })
            {
                var (ua, wa) = Score(truth, Predicted(p, labels));
                Console.WriteLine($"| {name} | {100 * ua:F1} % | {100 * wa:F1} % |");
            }
            Console.WriteLine($"({clock.Elapsed.TotalSeconds:F0} s)");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static IReadOnlyDictionary<string, MetricSummary> TrainThroughTheExperimentPath(JsonObject dataset, int[] seeds, bool pooled, string? keepBundle = null)
    {
        var overlay = new JsonObject
        {
            ["dataset"] = dataset,
            ["model"] = new JsonObject { ["name"] = "audio" },
            ["evaluation"] = new JsonObject { ["seeds"] = new JsonArray(seeds.Select(s => (JsonNode)s).ToArray()) },
        };
        if (!pooled) overlay["model"]!.AsObject()["pooled"] = null;
        var config = ExperimentConfigResolver.Resolve(overlay);
        string bundle = keepBundle ?? Path.Combine(Path.GetTempPath(), $"msaml-speech-folds-{Guid.NewGuid():N}.zip");
        try
        {
            return ConfiguredExperiment.Run(config, bundle).Summary;
        }
        finally
        {
            if (keepBundle == null) File.Delete(bundle);
            File.Delete(Path.ChangeExtension(bundle, ".results.json"));
        }
    }

    private static string Show(MetricSummary m) => $"{100 * m.Mean:F1}" + (m.Count > 1 ? $" ± {100 * m.StandardDeviation:F1}" : "") + " %";

    private static FeatureRow[] Featurize(MLContext ml, List<Utterance> rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new AudioRow { AudioPath = r.Path }));
        var spectrogram = Preset.Featurizers.Spectrogram!;
        spectrogram.StatisticsColumnName = "MelStatistics";
        if (TimeFrames is { } frames) spectrogram.TimeFrames = frames;
        if (Environment.GetEnvironmentVariable("MSAML_MEL") is { } mel) spectrogram.MelBands = int.Parse(mel);
        if (Quartiles is { } quartiles) spectrogram.StatisticsQuartiles = quartiles;
        var pipeline = ml.Msa().Transforms.AcousticFunctionals(Preset.Featurizers.Functionals!).Append(ml.Msa().Transforms.LogSpectrogram(spectrogram));
        var output = pipeline.Fit(data).Transform(data);
        var functionals = output.GetColumn<float[]>("Functionals").ToArray();
        var statistics = output.GetColumn<float[]>("MelStatistics").ToArray();
        int quartileCount = spectrogram.StatisticsQuartiles ? (Environment.GetEnvironmentVariable("MSAML_PCT") ?? "0.25,0.5,0.75").Split(',').Length * spectrogram.MelBands : 0;
        return rows.Select((r, i) => new FeatureRow
        {
            Id = r.Id, Label = r.Label, Speaker = r.Speaker, Functionals = functionals[i], MelStatistics = statistics[i],
            Both = functionals[i].Concat(statistics[i]).ToArray(),
            BothWithoutQuartiles = functionals[i].Concat(statistics[i][..^quartileCount]).ToArray(),
        }).ToArray();
    }

    private sealed class AudioRow { public string AudioPath { get; set; } = ""; }

    private sealed class LabelRow { public string Label { get; set; } = ""; }

    /// <summary>
    /// The features of every file's augmented copies, in <see cref="SpeechAugmentation.WriteCopies"/>'s
    /// order (speeds, then noise). The copies are written once under the temporary folder and reused.
    /// </summary>
    private static FeatureRow[][] AugmentedCopies(MLContext ml, List<Utterance> rows)
    {
        string folder = Path.Combine(Path.GetTempPath(), "msaml-speech-folds-augmented");
        var paths = rows.Select(r => SpeechAugmentation.WriteCopies(r.Path, Path.Combine(folder, r.Label), AugmentSpeeds, AugmentSnrDb, seed: 1)).ToList();
        // Each copy joins as a voice of its own, as TrainingSpeedCopies gives it (a recipe's SameVoice undoes it).
        string Kind(int k) => k < AugmentSpeeds.Length ? TrainingSpeedCopies.Marker + AugmentSpeeds[k].ToString(CultureInfo.InvariantCulture) : "@noise";
        var copies = rows.SelectMany((r, i) => paths[i].Select((p, k) => r with { Id = r.Id + Kind(k), Path = p, Speaker = r.Speaker + CopyVoice + k })).ToList();
        var features = Featurize(ml, copies);
        int perFile = AugmentSpeeds.Length + AugmentSnrDb.Length;
        return rows.Select((_, i) => features.Skip(i * perFile).Take(perFile).ToArray()).ToArray();
    }

    private const string CopyVoice = "@copy";

    /// <summary>A copy as its recipe sees it: a voice of its own, or (SameVoice) its original speaker's.</summary>
    private static FeatureRow AsVoice(FeatureRow copy, Recipe recipe) =>
        recipe.SameVoice ? copy with { Speaker = copy.Speaker[..copy.Speaker.IndexOf(CopyVoice, StringComparison.Ordinal)] } : copy;

    /// <summary>A recipe's copies; null: the preset's (speed copies when its audio model has them).</summary>
    private static Augmentation AugmentationOf(Recipe recipe) =>
        recipe.Augment ?? (Preset.Model.SpeedCopies.Count > 0 ? Augmentation.Speed : Augmentation.None);

    private static IEnumerable<FeatureRow> Augmented(FeatureRow[] copies, Augmentation augment) =>
        copies.Where((_, k) => k < AugmentSpeeds.Length ? augment.HasFlag(Augmentation.Speed) : augment.HasFlag(Augmentation.Noise));

    private static (double Ua, double Wa) Pooled(List<Utterance> rows, FeatureRow[] features, FeatureRow[][] copies, Recipe recipe, int seed)
    {
        var ml = new MLContext(seed);
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema["Functionals"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Functionals.Length);
        schema["MelStatistics"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].MelStatistics.Length);
        schema["Both"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Both.Length);
        schema["BothWithoutQuartiles"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].BothWithoutQuartiles.Length);
        var labels = features.Select(f => f.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var probabilities = new float[rows.Count][];
        foreach (string fold in rows.Select(r => r.Fold).Distinct())
        {
            var trainRows = features.Where((_, i) => rows[i].Fold != fold)
                .Concat(Enumerable.Range(0, rows.Count).Where(i => rows[i].Fold != fold).SelectMany(i => Augmented(copies[i], AugmentationOf(recipe)).Select(c => AsVoice(c, recipe)))).ToList();
            var testIndexes = Enumerable.Range(0, rows.Count).Where(i => rows[i].Fold == fold).ToArray();
            var train = ml.Data.LoadFromEnumerable(trainRows, schema);
            var test = ml.Data.LoadFromEnumerable(testIndexes.Select(i => features[i]), schema);
            IEstimator<ITransformer>? perSpeaker = recipe.PerSpeaker
                ? ml.Msa().Transforms.GroupStandardization(new GroupStandardizationOptions { InputColumnName = recipe.Column, OutputColumnName = "Features", Axis = StatisticsAxis.Rows })
                : null;
            IEstimator<ITransformer> normalize = perSpeaker
                ?? ml.Transforms.CopyColumns("Features", recipe.Column).Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false));
            IEstimator<ITransformer> model = recipe.Trainer switch
            {
                "preset" => new PooledModelOptions
                    {
                        Trainer = Preset.Model.Pooled!.Trainer, L1Regularization = recipe.L1 ?? L1 ?? Preset.Model.Pooled.L1Regularization,
                        L2Regularization = recipe.L2 ?? L2 ?? Preset.Model.Pooled.L2Regularization, CenterFeatures = recipe.Center && Preset.Model.Pooled.CenterFeatures,
                        PerSpeakerCopy = !recipe.PerSpeaker && (recipe.SpeakerCopy ?? Preset.Model.Pooled.PerSpeakerCopy),
                        BalanceClasses = recipe.Balance ?? Preset.Model.Pooled.BalanceClasses,
                        AveragedWith = recipe.Averaged ? Preset.Model.Pooled.AveragedWith : null,
                    }
                    .Estimator(ml, [recipe.PerSpeaker ? "Features" : recipe.Column]),
                "sdca" => normalize.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy()),
                _ => normalize.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy()),
            };
            if (perSpeaker != null && recipe.Trainer == "preset") model = perSpeaker.Append(model);
            var pipeline = ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l })))
                .Append(model).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
            var fitted = pipeline.Fit(train);
            var scores = fitted.Transform(test).GetColumn<float[]>("Score").ToArray();
            if (recipe.TestCopies > 0)
                foreach (int speed in Enumerable.Range(0, AugmentSpeeds.Length))
                {
                    var copyScores = fitted.Transform(ml.Data.LoadFromEnumerable(testIndexes.Select(i => AsVoice(copies[i][speed], recipe)), schema)).GetColumn<float[]>("Score").ToArray();
                    for (int k = 0; k < testIndexes.Length; k++)
                        for (int c = 0; c < labels.Length; c++) scores[k][c] += recipe.TestCopies * copyScores[k][c];
                }
            for (int k = 0; k < testIndexes.Length; k++) probabilities[testIndexes[k]] = scores[k];
        }
        Probabilities[recipe.Name] = probabilities;
        return Score(features.Select(f => f.Label).ToArray(), Predicted(probabilities, labels));
    }

    /// <summary>Each file's class scores from the last seed of every recipe run so far (an ensemble row averages its members').</summary>
    private static readonly Dictionary<string, float[][]> Probabilities = new();

    private static string[] Predicted(float[][] probabilities, string[] labels) =>
        probabilities.Select(p => labels[Array.IndexOf(p, p.Max())]).ToArray();

    /// <summary>A late fusion of recipes already run: the mean of their members' class probabilities per file.</summary>
    private static (double Ua, double Wa) Ensemble(FeatureRow[] features, Recipe recipe)
    {
        var members = recipe.Members!.Select(m => Probabilities[m]).ToList();
        var labels = features.Select(f => f.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var mean = features.Select((_, i) => Enumerable.Range(0, labels.Length).Select(c => members.Average(m => m[i][c])).ToArray()).ToArray();
        return Score(features.Select(f => f.Label).ToArray(), Predicted(mean, labels));
    }

    /// <summary>WA and UA (mean per-class recall over the classes in <paramref name="truth"/>) of predicted labels.</summary>
    internal static (double Ua, double Wa) Score(string[] truth, string[] predicted)
    {
        double wa = truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;
        double ua = truth.Distinct().Average(c => truth.Zip(predicted).Where(p => p.First == c).Count(p => p.Second == c) / (double)truth.Count(t => t == c));
        return (ua, wa);
    }

    private static string MeanStd(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double std = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return list.Count > 1 ? $"{100 * mean:F1} ± {100 * std:F1} %" : $"{100 * mean:F1} %";
    }

    private static string Peers(List<Utterance> rows, FeatureRow[] features)
    {
        string folder = Directory.CreateTempSubdirectory("msaml-speech-folds-").FullName;
        try
        {
            string rowsCsv = Path.Combine(folder, "rows.csv"), featuresCsv = Path.Combine(folder, "features.csv");
            File.WriteAllLines(rowsCsv, new[] { "id,path,label,speaker,fold" }.Concat(rows.Select(r => $"{r.Id},{r.Path},{r.Label},{r.Speaker},{r.Fold}")));
            File.WriteAllLines(featuresCsv, rows.Select((r, i) => r.Id + "," + string.Join(",", features[i].Both.Select(v => v.ToString("R", CultureInfo.InvariantCulture)))));
            var (exitCode, output, error) = PythonPeer.Run("speaker_folds.py", $"--rows \"{rowsCsv}\" --features \"{featuresCsv}\" --functionals {features[0].Functionals.Length}");
            if (exitCode != 0) return $"| peers (scikit-learn) | failed: {error.Trim().Split('\n').Last()} | | |";
            var result = JsonDocument.Parse(output).RootElement;
            var table = new StringBuilder();
            foreach (var property in result.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Object))
            {
                string name = property.Name.StartsWith("mfcc", StringComparison.Ordinal)
                    ? $"peer: MFCC statistics -> {property.Name["mfcc-".Length..]} (scikit-learn)"
                    : property.Name.StartsWith("msaml-functionals", StringComparison.Ordinal)
                        ? $"peer: MsaMl's functionals (eGeMAPS-like) -> {property.Name["msaml-functionals-".Length..]} (scikit-learn)"
                        : $"MsaMl's functionals + log-mel statistics -> {property.Name["msaml-features-".Length..]} (scikit-learn classifier)";
                table.AppendLine($"| {name} | {100 * property.Value.GetProperty("ua").GetDouble():F1} % | {100 * property.Value.GetProperty("wa").GetDouble():F1} % | |");
            }
            table.Append($"(peers: {result.GetProperty("seconds").GetDouble():F1} s including featurizing)");
            return table.ToString();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
