using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Text;

namespace MsaMl.Benchmarks;

/// <summary>
/// Frozen against fine-tuned MiniLM (<see cref="PretrainedTextEncoderOptions"/>) on VADER
/// sentiment-intensity regression: a seeded sample of the fixed split's training rows
/// (<see cref="VaderSentences"/>; 4,000 by default) and a fixed sample of its held-out rows (1,000),
/// TokenIds (64 tokens) -> MiniLM with 0, the top 2 or all layers (and the embeddings) trainable ->
/// MLP regression head. Pearson r, MAE, Acc-2 (Has0) on the held-out rows, mean ± std over seeds,
/// seconds per epoch and the process's peak RSS (run one recipe per process for a recipe's own peak).
/// The TF-IDF + ridge peer (benchmarks/peers/vader_tfidf_ridge.py) fits and predicts the same samples first, unless --no-peer.
/// Usage: vader-finetune [--no-peer] [--recipes frozen,top2,all] [--seeds 1] [--epochs 3] [--train 4000] [--test 1000] [--datasets folder]
/// </summary>
public static class VaderFineTuneBenchmark
{
    private const int MaxTokens = 64;

    /// <summary>The seed that picks the training and held-out samples (fixed: every recipe and seed sees the same rows).</summary>
    private const int SampleSeed = 4000;

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
        public float Label { get; set; }
    }

    private static readonly Dictionary<string, (string Name, int TrainableLayers)> Recipes = new()
    {
        ["frozen"] = ("MiniLM frozen (TrainableLayers 0) -> MLP head", 0),
        ["top2"] = ("MiniLM top 2 layers fine-tuned -> MLP head", 2),
        ["all"] = ("MiniLM all layers + embeddings fine-tuned -> MLP head", -1),
    };

    public static int Run(string[] args)
    {
        int[] seeds = (TrainingStepBenchmark.StringArg(args, "--seeds") ?? "1").Split(',').Select(int.Parse).ToArray();
        int epochs = TrainingStepBenchmark.IntArg(args, "--epochs", 3);
        int trainRows = TrainingStepBenchmark.IntArg(args, "--train", 4000), testRows = TrainingStepBenchmark.IntArg(args, "--test", 1000);
        string datasets = TrainingStepBenchmark.StringArg(args, "--datasets") ?? Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "..", "shared", "datasets");
        var recipes = (TrainingStepBenchmark.StringArg(args, "--recipes") ?? "frozen,top2,all").Split(',');
        foreach (string r in recipes)
            if (!Recipes.ContainsKey(r)) throw new ArgumentException($"--recipes: expected frozen, top2 or all, got '{r}'.");
        var rows = VaderSentences.Read(Path.Combine(datasets, "vader-valence"));
        var train = Sample(rows.Where(r => !r.IsTest), trainRows);
        var test = Sample(rows.Where(r => r.IsTest), testRows);
        Console.WriteLine($"# vader-finetune, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, 1-minute load {VaderTextBenchmark.LoadAverage()}, seeds {string.Join(",", seeds)}, {epochs} epochs");
        Console.WriteLine($"{train.Count} training and {test.Count} held-out sentences (sample seed {SampleSeed} of the fixed split, split seed {VaderSentences.SplitSeed}), {MaxTokens} tokens");

        var lines = new List<string>();
        if (!args.Contains("--no-peer"))
        {
            // The peer fits on the same training sample and predicts the same held-out sample, in the same run.
            var peer = VaderTextBenchmark.Peer(Path.Combine(datasets, "vader-valence"), train.Concat(test).ToList());
            var m = peer.Metrics[0];
            Console.WriteLine($"  {peer.Recipe}: r {m.PearsonCorrelation:F3}, MAE {m.MeanAbsoluteError:F3}, Acc-2 {100 * m.Has0Accuracy2:F1} %, {peer.Seconds:F1} s to fit and predict");
            lines.Add($"| {peer.Recipe} (deterministic) | {m.PearsonCorrelation:F3} | {m.MeanAbsoluteError:F3} | {100 * m.Has0Accuracy2:F1} % | {peer.Seconds:F1} s in all | |");
        }
        foreach (string recipe in recipes)
        {
            var (name, trainable) = Recipes[recipe];
            var metrics = new List<MmsaRegressionMetrics>();
            var epochSeconds = new List<double>();
            foreach (int seed in seeds)
            {
                var (m, seconds) = TrainAndEvaluate(seed, epochs, trainable, train, test);
                metrics.Add(m);
                epochSeconds.Add(seconds);
                Console.WriteLine($"  {name}, seed {seed}: r {m.PearsonCorrelation:F3}, MAE {m.MeanAbsoluteError:F3}, Acc-2 {100 * m.Has0Accuracy2:F1} %, {seconds:F0} s per epoch, load {VaderTextBenchmark.LoadAverage()}");
            }
            long peak = Process.GetCurrentProcess().PeakWorkingSet64 >> 20;
            lines.Add($"| {name} ({seeds.Length} seed{(seeds.Length > 1 ? "s" : "")}) | {VaderTextBenchmark.MeanStd(metrics, m => m.PearsonCorrelation, 1, "F3")} | {VaderTextBenchmark.MeanStd(metrics, m => m.MeanAbsoluteError, 1, "F3")} "
                + $"| {VaderTextBenchmark.MeanStd(metrics, m => m.Has0Accuracy2, 100, "F1")} % | {epochSeconds.Average():F0} | {peak:N0} |");
        }
        Console.WriteLine("\n| recipe | Pearson r | MAE | Acc-2 (Has0) | seconds per epoch | peak RSS so far (MiB) |\n|---|---|---|---|---|---|");
        foreach (string line in lines) Console.WriteLine(line);
        Console.WriteLine($"\n1-minute load at the end {VaderTextBenchmark.LoadAverage()}");
        return 0;
    }

    private static List<VaderSentence> Sample(IEnumerable<VaderSentence> rows, int count)
    {
        var all = rows.ToArray();
        new Random(SampleSeed).Shuffle(all);
        return all.Take(Math.Min(count, all.Length)).ToList();
    }

    /// <summary>Trains one recipe; returns the held-out metrics and the mean seconds per epoch.</summary>
    private static (MmsaRegressionMetrics Metrics, double EpochSeconds) TrainAndEvaluate(int seed, int epochs, int trainableLayers, List<VaderSentence> train, List<VaderSentence> test)
    {
        var ml = new MLContext(seed);
        var tokenIds = ml.Msa().Transforms.TokenIds(new TokenIdsOptions { MaxTokens = MaxTokens, AttentionMaskColumnName = null });
        IDataView Text(List<VaderSentence> rows) => ml.Data.LoadFromEnumerable(rows.Select(r => new TextRow { Text = r.Text, Label = r.Valence }));
        var featurizer = tokenIds.Fit(Text(train));
        var trainer = ml.Msa().Trainers.Composed(new ComposedOptions
        {
            // The encoder learns at 0.05 x 1e-3 = 5e-5, the head at 1e-3.
            Encoders = { new PretrainedTextEncoderOptions { TrainableLayers = trainableLayers, LearningRateMultiplier = 0.05 } },
            Head = new MlpHeadOptions { Hidden = 64, Dropout = 0.1 },
            OutputKind = TorchOutputKind.Regression,
            RegressionLoss = RegressionLoss.Mse,
            Epochs = epochs,
            LearningRate = 1e-3,
            BatchSize = 32,
            Seed = seed,
        });
        var model = trainer.Fit(featurizer.Transform(Text(train)));
        double seconds = trainer.LastReport!.Epochs[^1].Elapsed.TotalSeconds / trainer.LastReport.Epochs.Count;
        var scores = model.Transform(featurizer.Transform(Text(test))).GetColumn<float>("Score").ToArray();
        return (MmsaRegressionEvaluator.Evaluate(scores, test.Select(r => r.Valence).ToArray()), seconds);
    }
}
