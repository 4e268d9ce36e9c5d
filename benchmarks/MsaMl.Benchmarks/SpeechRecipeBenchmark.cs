using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Audio;

namespace MsaMl.Benchmarks;

/// <summary>
/// Speech-emotion recipe on EmoDB (../shared/datasets/emodb), fixed speaker split (15 and 16 test,
/// 14 validation, seven speakers train): MsaMl variants (audio only; no text) against the MFCC
/// statistics + logistic regression peer (benchmarks/peers/mfcc_logreg.py, scikit-learn) on the
/// same rows, in one run. Prints UA and WA per variant.
/// Usage: speech-recipe [--emodb folder] [--seed 1] [--only 'substring|substring'] [--loso-peer] [--no-peer]
/// (--no-peer: development runs without the peer rows; a reported table needs the peer in the same run).
/// </summary>
public static class SpeechRecipeBenchmark
{
    private sealed class Row
    {
        public string Id { get; set; } = "";
        public string AudioPath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class LabelRow { public string Label { get; set; } = ""; }

    private sealed record Variant(string Name, LogSpectrogramOptions Features, Func<AatOptions, AatOptions>? Aat, bool EarlyFusion = false, bool PerSpeaker = false, bool PerSpeakerSpectrogram = false);

    private sealed class SpectrogramRow
    {
        public uint Label { get; set; }

        [Microsoft.ML.Data.VectorType]
        public float[] Spectrogram { get; set; } = Array.Empty<float>();
    }

    // LoadFromEnumerable reads a key-typed uint property as a 0-based class index (it stores v + 1,
    // and v = Count becomes missing), while GetColumn<uint> returns the raw 1-based key: rows built
    // from read keys therefore carry key - 1.
    private sealed class StatsRow
    {
        public uint Label { get; set; }

        [Microsoft.ML.Data.VectorType]
        public float[] Features { get; set; } = Array.Empty<float>();
    }

    public static int Run(string[] args)
    {
        string? root = TrainingStepBenchmark.StringArg(args, "--emodb") ?? FindEmoDb();
        int seed = TrainingStepBenchmark.IntArg(args, "--seed", 1);
        string? only = TrainingStepBenchmark.StringArg(args, "--only");
        if (root == null) { Console.Error.WriteLine("EmoDB not found (../shared/datasets/emodb); pass --emodb <folder>."); return 2; }

        var ml = new MLContext(seed: seed);
        var table = EmoDbReader.Read(ml, new EmoDbOptions { RootFolder = root });
        var labels = table.Records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        Console.WriteLine(table.Summary);
        Console.WriteLine();
        Console.WriteLine("| recipe | UA | WA | seconds |");
        Console.WriteLine("|---|---|---|---|");
        if (!args.Contains("--no-peer"))
        {
            Console.WriteLine(Peer(table, args.Contains("--loso-peer"), perSpeaker: false));
            Console.WriteLine(Peer(table, loso: false, perSpeaker: true));
        }

        LogSpectrogramOptions Features(int mels, SpectrogramStandardization standardization) => new()
        {
            MelBands = mels, TimeFrames = 200, Standardization = standardization, StatisticsColumnName = "SpectrogramStats",
        };
        AatOptions Baseline() => new()
        {
            Modalities = Modalities.Audio, AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 48, TextOutDim = 64,
            Epochs = 30, LearningRate = 1e-3, BatchSize = 32, EarlyStoppingPatience = 10, Seed = seed,
        };
        var dataset = Features(40, SpectrogramStandardization.Dataset);
        Func<AatOptions, AatOptions> Recipe(bool masks = false, bool ua = false) => o =>
        {
            o.BalanceClasses = true;
            o.WeightDecay = 1e-4;
            if (masks) { o.FrequencyMasks = 2; o.FrequencyMaskWidth = 6; o.TimeMasks = 2; o.TimeMaskWidth = 20; }
            if (ua) o.EarlyStoppingMetric = EarlyStoppingMetric.UnweightedAccuracy;
            return o;
        };
        var variants = new[]
        {
            new Variant("small-CNN AAT, audio only (msa train --model audio)", dataset, o => o),
            new Variant("+ class-balanced loss", dataset, o => { o.BalanceClasses = true; return o; }),
            new Variant("+ weight decay 1e-4", dataset, o => { o.WeightDecay = 1e-4; return o; }),
            new Variant("+ class-balanced loss + weight decay 1e-4", dataset, o => { o.BalanceClasses = true; o.WeightDecay = 1e-4; return o; }),
            new Variant("per-utterance standardization", Features(40, SpectrogramStandardization.PerUtterance), o => o),
            new Variant("64 mel bands", Features(64, SpectrogramStandardization.Dataset), o => o),
            new Variant("early fusion: log-mel + delta statistics -> L-BFGS", dataset, null, EarlyFusion: true),
            new Variant("early fusion, statistics standardized per speaker -> L-BFGS", dataset, null, EarlyFusion: true, PerSpeaker: true),
            new Variant("balanced + wd, spectrogram standardized per speaker", dataset, Recipe(), PerSpeakerSpectrogram: true),
            new Variant("balanced + wd, per speaker + SpecAugment", dataset, Recipe(masks: true), PerSpeakerSpectrogram: true),
            new Variant("balanced + wd, per speaker + SpecAugment + early stopping on UA", dataset, Recipe(masks: true, ua: true), PerSpeakerSpectrogram: true),
            new Variant("balanced + wd, per speaker + early stopping on UA", dataset, Recipe(ua: true), PerSpeakerSpectrogram: true),
        }.Where(v => only == null || only.Split('|').Any(o => v.Name.Contains(o, StringComparison.OrdinalIgnoreCase)));

        var featurized = new Dictionary<string, (IDataView Train, IDataView Validation, IDataView Test)>();
        foreach (var variant in variants)
        {
            var clock = Stopwatch.StartNew();
            string key = JsonSerializer.Serialize(variant.Features);
            if (!featurized.TryGetValue(key, out var splits)) featurized[key] = splits = Featurize(ml, table, labels, variant.Features);
            ClassificationMetrics metrics;
            if (variant.PerSpeakerSpectrogram)
            {
                var (train, validation, test) = PerSpeakerSpectrograms(ml, table, splits);
                var trainer = (ITorchTrainer)ml.Msa().Trainers.Aat(variant.Aat!(Baseline()));
                var model = trainer.Fit(train, validation);
                metrics = ml.Msa().Evaluation.EvaluateClassification(model.Transform(test));
            }
            else if (variant.PerSpeaker)
            {
                metrics = PerSpeakerEarlyFusion(ml, table, splits);
            }
            else if (variant.EarlyFusion)
            {
                var model = MsaPipelines.EarlyFusion(ml, new[] { "SpectrogramStats" }).Fit(splits.Train);
                metrics = ml.Msa().Evaluation.EvaluateClassification(model.Transform(splits.Test));
            }
            else
            {
                var trainer = (ITorchTrainer)ml.Msa().Trainers.Aat(variant.Aat!(Baseline()));
                var model = trainer.Fit(splits.Train, splits.Validation);
                metrics = ml.Msa().Evaluation.EvaluateClassification(model.Transform(splits.Test));
            }
            Console.WriteLine($"| {variant.Name} | {metrics.UnweightedAccuracy:P1} | {metrics.WeightedAccuracy:P1} | {clock.Elapsed.TotalSeconds:F0} |");
        }
        return 0;
    }

    // Each speaker's statistics scaled to zero mean and unit variance over that speaker's own
    // utterances (labels unused, so test speakers can be normalized the same way), then L-BFGS.
    private static ClassificationMetrics PerSpeakerEarlyFusion(MLContext ml, DatasetTable<ActedSpeechRecord> table, (IDataView Train, IDataView Validation, IDataView Test) splits)
    {
        var speakers = table.Records.ToDictionary(r => r.Id, r => r.Speaker);
        List<(string Speaker, uint Label, float[] Features)> Read(IDataView data)
        {
            var ids = data.GetColumn<ReadOnlyMemory<char>>(data.Schema["Id"]).Select(v => v.ToString()).ToList();
            var labels = data.GetColumn<uint>(data.Schema["Label"]).ToList();
            var stats = data.GetColumn<float[]>(data.Schema["SpectrogramStats"]).ToList();
            return ids.Select((id, i) => (speakers[id], labels[i], stats[i])).ToList();
        }
        var train = Read(splits.Train);
        var test = Read(splits.Test);
        foreach (var group in train.Concat(test).GroupBy(r => r.Speaker))
        {
            var rows = group.ToList();
            int d = rows[0].Features.Length;
            for (int j = 0; j < d; j++)
            {
                double mean = rows.Average(r => r.Features[j]);
                double std = Math.Sqrt(rows.Average(r => (r.Features[j] - mean) * (r.Features[j] - mean)));
                foreach (var r in rows) r.Features[j] = (float)((r.Features[j] - mean) / Math.Max(std, 1e-6));
            }
        }
        var labelType = splits.Train.Schema["Label"].Type;
        IDataView View(List<(string Speaker, uint Label, float[] Features)> rows)
        {
            var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(StatsRow));
            schema["Label"].ColumnType = labelType;
            schema["Features"].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, rows[0].Features.Length);
            return ml.Data.LoadFromEnumerable(rows.Select(r => new StatsRow { Label = r.Label - 1, Features = r.Features }), schema);
        }
        var model = ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy("Label", "Features").Fit(View(train));
        return ml.Msa().Evaluation.EvaluateClassification(model.Transform(View(test)));
    }

    // Each speaker's spectrograms scaled to zero mean and unit variance per channel and frequency
    // bin, over the frames of that speaker's own utterances (labels unused, so test speakers are
    // normalized the same way from their unlabeled recordings): speaker-level mean and variance
    // normalization of the log-mel input.
    private static (IDataView, IDataView, IDataView) PerSpeakerSpectrograms(MLContext ml, DatasetTable<ActedSpeechRecord> table, (IDataView Train, IDataView Validation, IDataView Test) splits)
    {
        var speakers = table.Records.ToDictionary(r => r.Id, r => r.Speaker);
        var column = splits.Train.Schema["Spectrogram"];
        int[] shape = FeatureReader.RowShape(splits.Train.Schema, "Spectrogram");
        int planes = shape[0] * shape[1], frames = shape[2];
        List<(string Speaker, uint Label, float[] Values)> Read(IDataView data)
        {
            var ids = data.GetColumn<ReadOnlyMemory<char>>(data.Schema["Id"]).Select(v => v.ToString()).ToList();
            var labels = data.GetColumn<uint>(data.Schema["Label"]).ToList();
            var values = data.GetColumn<float[]>(data.Schema["Spectrogram"]).ToList();
            return ids.Select((id, i) => (speakers[id], labels[i], values[i])).ToList();
        }
        var parts = new[] { Read(splits.Train), Read(splits.Validation), Read(splits.Test) };
        // Frames that hold audio: up to the last frame whose log channel is not all zero.
        static int Valid(float[] x, int f, int t)
        {
            for (int time = t - 1; time >= 0; time--)
                for (int bin = 0; bin < f; bin++)
                    if (x[bin * t + time] != 0) return time + 1;
            return 0;
        }
        foreach (var group in parts.SelectMany(p => p).GroupBy(r => r.Speaker))
        {
            var rows = group.ToList();
            var valid = rows.Select(r => Valid(r.Values, shape[1], frames)).ToList();
            for (int plane = 0; plane < planes; plane++)
            {
                double sum = 0, sumSq = 0, n = 0;
                for (int i = 0; i < rows.Count; i++)
                    for (int time = 0; time < valid[i]; time++)
                    {
                        double v = rows[i].Values[plane * frames + time];
                        sum += v; sumSq += v * v; n++;
                    }
                if (n == 0) continue;
                double mean = sum / n, std = Math.Sqrt(Math.Max(sumSq / n - mean * mean, 0));
                float m = (float)mean, inv = (float)(1 / Math.Max(std, 1e-6));
                for (int i = 0; i < rows.Count; i++)
                    for (int time = 0; time < valid[i]; time++)
                        rows[i].Values[plane * frames + time] = (rows[i].Values[plane * frames + time] - m) * inv;
            }
        }
        var labelType = splits.Train.Schema["Label"].Type;
        IDataView View(List<(string Speaker, uint Label, float[] Values)> rows)
        {
            var schema = Microsoft.ML.Data.SchemaDefinition.Create(typeof(SpectrogramRow));
            schema["Label"].ColumnType = labelType;
            schema["Spectrogram"].ColumnType = new Microsoft.ML.Data.VectorDataViewType(Microsoft.ML.Data.NumberDataViewType.Single, shape);
            return ml.Data.LoadFromEnumerable(rows.Select(r => new SpectrogramRow { Label = r.Label - 1, Spectrogram = r.Values }), schema);
        }
        return (View(parts[0]), View(parts[1]), View(parts[2]));
    }

    private static (IDataView, IDataView, IDataView) Featurize(MLContext ml, DatasetTable<ActedSpeechRecord> table, IReadOnlyList<string> labels, LogSpectrogramOptions options)
    {
        IDataView Split(string name) => ml.Data.LoadFromEnumerable(table.Records.Where(r => r.Split == name)
            .Select(r => new Row { Id = r.Id, AudioPath = r.AudioPath, Label = r.Label }).ToList());
        var featurizer = ml.Transforms.Conversion.MapValueToKey("Label", keyData: ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l })))
            .Append(ml.Msa().Transforms.LogSpectrogram(options));
        var train = Split(SplitNames.Train);
        var fitted = featurizer.Fit(train);
        return (ml.Data.Cache(fitted.Transform(train)), ml.Data.Cache(fitted.Transform(Split(SplitNames.Validation))), ml.Data.Cache(fitted.Transform(Split(SplitNames.Test))));
    }

    private static string Peer(DatasetTable<ActedSpeechRecord> table, bool loso, bool perSpeaker)
    {
        string folder = Directory.CreateTempSubdirectory("msaml-recipe-").FullName;
        try
        {
            string rows = Path.Combine(folder, "rows.csv");
            File.WriteAllLines(rows, new[] { "path,label,split,speaker" }.Concat(table.Records.Select(r => $"{r.AudioPath},{r.Label},{r.Split},{r.Speaker}")));
            string script = Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "benchmarks", "peers", "mfcc_logreg.py");
            var start = new ProcessStartInfo("/usr/bin/python3", $"\"{script}\" --rows \"{rows}\"{(loso ? " --loso" : "")}{(perSpeaker ? " --per-speaker" : "")}") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd();
            string error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0) return $"| MFCC + logistic regression (peer) | failed: {error.Trim().Split('\n').Last()} | | |";
            using var json = JsonDocument.Parse(output);
            var r = json.RootElement;
            string name = perSpeaker ? "the peer with its statistics standardized per speaker" : "MFCC (40) + deltas, mean and std -> logistic regression (scikit-learn peer)";
            string line = $"| {name} | {r.GetProperty("ua").GetDouble():P1} | {r.GetProperty("wa").GetDouble():P1} | {r.GetProperty("seconds").GetDouble():F0} |";
            if (loso) line += $"\n| the peer, leave-one-speaker-out mean | {r.GetProperty("loso_mean_ua").GetDouble():P1} | {r.GetProperty("loso_mean_wa").GetDouble():P1} | |";
            return line;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string? FindEmoDb()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "shared", "datasets", "emodb");
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}
