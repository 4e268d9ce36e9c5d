using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Transforms.Audio;

namespace MsaMl.Benchmarks;

/// <summary>
/// speech-folds --imagenet-cnn: the log-mel spectrogram (the fast preset's 40 bands x 200 frames,
/// no deltas, left unstandardized: the encoder standardizes each utterance) read as an image by the
/// packaged ImageNet ResNet-18 (<see cref="PretrainedSpectrogramEncoderOptions"/>), frozen or with
/// stages fine-tuned (--imagenet-stages, default 0,1: frozen, then the top stage), under an MLP head with the class-balanced loss; trained on EmoDB's
/// speakers other than msa train's test speakers (15 and 16; validation speaker 14 trains too) and
/// scored on those two. UA and WA over the test rows, mean ± std over the seeds.
/// </summary>
internal static class ImageNetSpectrogramSplit
{
    private sealed class Row
    {
        public string AudioPath { get; set; } = "";
        public string Label { get; set; } = "";
    }

    private sealed class LabelRow
    {
        public string Label { get; set; } = "";
    }

    public static void Run(IReadOnlyList<(string Path, string Label, string Speaker)> utterances, int[] seeds, int epochs, int[] trainableStages)
    {
        Console.WriteLine($"\n## EmoDB, msa train's test speakers (15, 16), the others train: log-mel as an image -> ImageNet ResNet-18 ({epochs} epochs)");
        Console.WriteLine("\n| model | seeds | UA | WA | seconds |\n|---|---|---|---|---|");
        var ml = new MLContext(1);
        bool IsTest((string Path, string Label, string Speaker) u) => u.Speaker is "15" or "16";
        IDataView Load(bool test) => ml.Data.LoadFromEnumerable(utterances.Where(u => IsTest(u) == test).Select(u => new Row { AudioPath = u.Path, Label = u.Label }).ToList());
        var featurizer = ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions { MelBands = 40, TimeFrames = 200, Deltas = false })
            .Append(ml.Transforms.Conversion.MapValueToKey("Label"));
        var clock = Stopwatch.StartNew();
        var trainRaw = Load(test: false);
        var fitted = featurizer.Fit(trainRaw);
        var train = ml.Data.Cache(fitted.Transform(trainRaw));
        var test = ml.Data.Cache(fitted.Transform(Load(test: true)));
        Console.Error.WriteLine($"featurized in {clock.Elapsed.TotalSeconds:F0} s");
        foreach (int stages in trainableStages)
        {
            clock.Restart();
            var scores = seeds.Select(seed =>
            {
                var model = ml.Msa().Trainers.Composed(Options(seed, epochs, stages)).Fit(train);
                var metrics = ml.MulticlassClassification.Evaluate(model.Transform(test));
                return (Ua: metrics.MacroAccuracy, Wa: metrics.MicroAccuracy);
            }).ToList();
            Console.WriteLine($"| {Name(stages)} | {string.Join(",", seeds)} | {Show(scores.Select(s => s.Ua))} | {Show(scores.Select(s => s.Wa))} | {clock.Elapsed.TotalSeconds:F0} |");
        }
    }

    /// <summary>
    /// --imagenet-folds: the same model on speaker folds, one seed: each fold's files predicted by a
    /// model trained on every other fold (the spectrogram featurizer fitted there too); UA and WA
    /// over the pooled predictions of all files.
    /// </summary>
    public static void RunFolds(string title, IReadOnlyList<(string Path, string Label, string Fold)> utterances, int seed, int epochs, int[] trainableStages)
    {
        Console.WriteLine($"\n## {title}: log-mel as an image -> ImageNet ResNet-18 ({epochs} epochs), each fold predicted by a model trained on the others, seed {seed}; UA and WA over all files");
        Console.WriteLine("\n| model | UA | WA | seconds |\n|---|---|---|---|");
        var ml = new MLContext(1);
        var labels = utterances.Select(u => u.Label).Distinct().Order(StringComparer.Ordinal).ToArray();
        var keys = ml.Data.LoadFromEnumerable(labels.Select(l => new LabelRow { Label = l }));
        var folds = utterances.Select(u => u.Fold).Distinct().Order(StringComparer.Ordinal).ToList();
        IDataView Load(IEnumerable<int> rows) => ml.Data.LoadFromEnumerable(rows.Select(i => new Row { AudioPath = utterances[i].Path, Label = utterances[i].Label }).ToList());
        foreach (int stages in trainableStages)
        {
            var clock = Stopwatch.StartNew();
            var predicted = new string[utterances.Count];
            foreach (string fold in folds)
            {
                var test = Enumerable.Range(0, utterances.Count).Where(i => utterances[i].Fold == fold).ToArray();
                var trainRaw = Load(Enumerable.Range(0, utterances.Count).Where(i => utterances[i].Fold != fold));
                var featurizer = ml.Msa().Transforms.LogSpectrogram(new LogSpectrogramOptions { MelBands = 40, TimeFrames = 200, Deltas = false })
                    .Append(ml.Transforms.Conversion.MapValueToKey("Label", keyData: keys)).Fit(trainRaw);
                var model = ml.Msa().Trainers.Composed(Options(seed, epochs, stages)).Fit(ml.Data.Cache(featurizer.Transform(trainRaw)));
                var predictedKeys = model.Transform(featurizer.Transform(Load(test))).GetColumn<uint>("PredictedLabel").ToArray();
                for (int t = 0; t < test.Length; t++) predicted[test[t]] = labels[predictedKeys[t] - 1];
                Console.Error.WriteLine($"imagenet folds: {title}: fold {fold} done, {clock.Elapsed.TotalSeconds:F0} s");
            }
            var (ua, wa) = SpeakerFoldsBenchmark.Score(utterances.Select(u => u.Label).ToArray(), predicted);
            Console.WriteLine($"| {Name(stages)} | {100 * ua:F1} % | {100 * wa:F1} % | {clock.Elapsed.TotalSeconds:F0} |");
        }
    }

    private static MsaMl.Trainers.Composition.ComposedOptions Options(int seed, int epochs, int stages) => new()
    {
        Encoders = { new PretrainedSpectrogramEncoderOptions { TrainableStages = stages } },
        Head = new MlpHeadOptions { Hidden = 128, Dropout = 0.3 },
        Epochs = epochs,
        BatchSize = 32,
        LearningRate = 1e-3,
        BalanceClasses = true,
        Seed = seed,
    };

    private static string Name(int stages) => "audio: log-mel as an image -> ImageNet ResNet-18, " + stages switch
    {
        0 => "frozen",
        -1 => "all fine-tuned (rate x0.1)",
        _ => $"top {stages} stage(s) fine-tuned (rate x0.1)",
    };

    private static string Show(IEnumerable<double> values)
    {
        var list = values.ToList();
        double mean = list.Average();
        double std = list.Count > 1 ? Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Count - 1)) : 0;
        return $"{100 * mean:F1}" + (list.Count > 1 ? $" ± {100 * std:F1}" : "") + " %";
    }
}
