using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Text;

namespace MsaMl.Benchmarks;

/// <summary>
/// Text encoders on real sentiment-intensity regression: the VADER ground truth (23,700 English
/// sentences, valence -4..+4), fixed split (<see cref="VaderSentences"/>), all in one run:
/// (a) peer: scikit-learn TF-IDF + ridge (benchmarks/peers/vader_tfidf_ridge.py, same split);
/// (b) frozen MiniLM sentence embedding (mean-pooled, unit length) -> ML.NET SDCA regression, or the
/// composition's MLP regression head;
/// (c) the Word2Vec-type encoder (TokenIds -> WordEmbedding, random or MiniLM-initialized) with a
/// regression head, trained by Trainers.Composed; (d) frozen MiniLM token embeddings -> the AAT text
/// branch (TokenProjection) with a regression head. Pearson r, MAE, Acc-2 (MMSA Has0 / Non0) on
/// the held-out rows, mean ± std over seeds.
/// Usage: vader-text [--seeds 1,2,3] [--epochs 3] [--rows N] [--recipes a,b,c,d] [--datasets folder]
/// </summary>
public static class VaderTextBenchmark
{
    /// <summary>Tokens of the one MiniLM pass (about 96 % of the sentences fit); its token embeddings feed (d), their mean (b).</summary>
    private const int TokenEmbeddingTokens = 48;
    private const int TokenIdTokens = 64;

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
        public float Label { get; set; }
    }

    private sealed class FeatureRow
    {
        public float Label { get; set; }
        public float[] Features { get; set; } = [];
    }

    internal sealed record Result(string Recipe, List<MmsaRegressionMetrics> Metrics, double Seconds, string Note, string Seeds);

    public static int Run(string[] args)
    {
        int[] seeds = (TrainingStepBenchmark.StringArg(args, "--seeds") ?? "1,2,3").Split(',').Select(int.Parse).ToArray();
        int epochs = TrainingStepBenchmark.IntArg(args, "--epochs", 3);
        string datasets = TrainingStepBenchmark.StringArg(args, "--datasets") ?? Path.Combine(TrainingStepBenchmark.FindRepoRoot(), "..", "shared", "datasets");
        string folder = Path.Combine(datasets, "vader-valence");
        var rows = VaderSentences.Read(folder);
        int limit = TrainingStepBenchmark.IntArg(args, "--rows", 0);
        if (limit > 0) rows = rows.Where((_, i) => i % Math.Max(1, rows.Count / limit) == 0).ToList();
        var train = rows.Where(r => !r.IsTest).ToList();
        var test = rows.Where(r => r.IsTest).ToList();
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"# vader-text, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, 1-minute load {LoadAverage()}, seeds {string.Join(",", seeds)}, {epochs} epochs");
        Console.WriteLine($"{rows.Count} sentences: {train.Count} train, {test.Count} test (seeded {VaderSentences.TestShare:P0} of each file, split seed {VaderSentences.SplitSeed})");

        var recipes = (TrainingStepBenchmark.StringArg(args, "--recipes") ?? "a,b,c,d").Split(',').ToHashSet();
        var results = new List<Result>();
        if (recipes.Contains("a")) results.Add(Peer(folder, rows));
        bool tokens = recipes.Contains("d");
        if (recipes.Contains("b") || tokens)
        {
            var (sentenceTrain, sentenceTest, tokenTrain, tokenTest, featurizeSeconds) = FrozenMiniLm(train, test, tokens);
            Console.WriteLine($"MiniLM featurized {rows.Count} sentences in {featurizeSeconds:F1} s ({rows.Count / featurizeSeconds:F0}/s)");
            string featurized = $"+ {featurizeSeconds:F0} s featurizing";
            if (recipes.Contains("b"))
            {
                results.Add(Seeded("(b) frozen MiniLM sentence embedding -> SDCA regression (ML.NET)", seeds, seed => Sdca(seed, sentenceTrain, sentenceTest, train, test), featurized));
                results.Add(Seeded("(b) frozen MiniLM sentence embedding -> MLP regression head (Trainers.Composed)", seeds,
                    seed => FrozenFeatures(seed, 10, new RawFeaturesOptions { Modality = Modalities.Text, ColumnName = "Features" }, 128, sentenceTrain, sentenceTest, train, test), featurized));
            }
            if (tokens)
                results.Add(Seeded($"(d) frozen MiniLM token embeddings [{TokenEmbeddingTokens}, 384] -> TokenProjection (AAT text branch)", seeds,
                    seed => FrozenFeatures(seed, epochs, new TokenProjectionOptions { ColumnName = "Features", OutDim = 64, Relu = true }, 64, tokenTrain!, tokenTest!, train, test), featurized));
        }
        if (recipes.Contains("c"))
        {
            string miniLm = MiniLmModelFile.Write(Path.Combine(Path.GetTempPath(), $"msaml-vader-minilm-{Environment.ProcessId}.onnx"));
            try
            {
                results.Add(Seeded("(c) Word2Vec-type encoder, 128-d random init, mean pooling", seeds,
                    seed => Composed(seed, epochs, new WordEmbeddingOptions { EmbeddingDim = 128 }, 0.01, train, test), ""));
                results.Add(Seeded("(c) Word2Vec-type encoder, 384-d from MiniLM's word embeddings, attention pooling", seeds,
                    seed => Composed(seed, epochs, new WordEmbeddingOptions { EmbeddingDim = 384, InitialEmbeddingsModelPath = miniLm, Pooling = WordPooling.Attention }, 0.002, train, test), ""));
            }
            finally
            {
                File.Delete(miniLm);
            }
        }

        Console.WriteLine("\n| recipe | Pearson r | MAE | Acc-2 (Has0) | Acc-2 (Non0) | seconds per seed |\n|---|---|---|---|---|---|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Recipe}{r.Seeds} | {MeanStd(r.Metrics, m => m.PearsonCorrelation, 1, "F3")} | {MeanStd(r.Metrics, m => m.MeanAbsoluteError, 1, "F3")} "
                + $"| {MeanStd(r.Metrics, m => m.Has0Accuracy2, 100, "F1")} % | {MeanStd(r.Metrics, m => m.Non0Accuracy2, 100, "F1")} % | {r.Seconds:F1} {r.Note} |");
        Console.WriteLine($"\nwhole run {clock.Elapsed.TotalMinutes:F1} min, 1-minute load at the end {LoadAverage()}");
        return 0;
    }

    private static Result Seeded(string recipe, int[] seeds, Func<int, MmsaRegressionMetrics> run, string note)
    {
        var clock = Stopwatch.StartNew();
        var metrics = new List<MmsaRegressionMetrics>();
        foreach (int seed in seeds)
        {
            metrics.Add(run(seed));
            Console.WriteLine($"  {recipe}, seed {seed}: r {metrics[^1].PearsonCorrelation:F3}, MAE {metrics[^1].MeanAbsoluteError:F3}, Acc-2 {100 * metrics[^1].Has0Accuracy2:F1} % ({clock.Elapsed.TotalSeconds:F0} s)");
        }
        return new Result(recipe, metrics, clock.Elapsed.TotalSeconds / seeds.Length, note, $" ({seeds.Length} seed{(seeds.Length > 1 ? "s" : "")})");
    }

    /// <summary>The TF-IDF + ridge peer on <paramref name="rows"/> (trained on the non-test ones), in its own Python process.</summary>
    internal static Result Peer(string folder, List<VaderSentence> rows)
    {
        var test = rows.Where(r => r.IsTest).ToList();
        string ids = Path.Combine(Path.GetTempPath(), $"msaml-vader-split-{Environment.ProcessId}.tsv");
        File.WriteAllLines(ids, rows.Select(r => $"{r.Id}\t{(r.IsTest ? "test" : "train")}"));
        try
        {
            var (exitCode, output, error) = PythonPeer.Run("vader_tfidf_ridge.py", $"--data \"{folder}\" --split \"{ids}\"");
            if (exitCode != 0) throw new InvalidOperationException($"peer failed: {error.Trim().Split('\n').Last()}");
            var json = JsonDocument.Parse(output).RootElement;
            var predictions = json.GetProperty("predictions");
            var metrics = MmsaRegressionEvaluator.Evaluate(test.Select(r => predictions.GetProperty(r.Id).GetDouble()).ToArray(), test.Select(r => (double)r.Valence).ToArray());
            Console.WriteLine($"peer: {json.GetProperty("features").GetInt32():N0} TF-IDF features, {json.GetProperty("seconds").GetDouble():F1} s");
            return new Result("(a) peer: TF-IDF (1-2 grams) + ridge (scikit-learn)", [metrics], json.GetProperty("seconds").GetDouble(), "", " (deterministic)");
        }
        finally
        {
            File.Delete(ids);
        }
    }

    private static (float[][] SentenceTrain, float[][] SentenceTest, float[][]? TokenTrain, float[][]? TokenTest, double Seconds) FrozenMiniLm(
        List<VaderSentence> train, List<VaderSentence> test, bool tokens)
    {
        var clock = Stopwatch.StartNew();
        var ml = new MLContext(1);
        var options = new BertEmbeddingOptions { MaxTokens = TokenEmbeddingTokens, TokenEmbeddingsColumnName = tokens ? "TextTokens" : null };
        (float[][] Sentence, float[][]? Tokens) Columns(List<VaderSentence> rows)
        {
            var data = ml.Data.LoadFromEnumerable(rows.Select(r => new TextRow { Text = r.Text }));
            var output = ml.Msa().Transforms.BertEmbedding(options).Fit(data).Transform(data);
            if (!tokens) return (output.GetColumn<float[]>("TextEmbedding").ToArray(), null);
            var sentence = new List<float[]>(rows.Count);
            var token = new List<float[]>(rows.Count);
            using var cursor = output.GetRowCursor(output.Schema.Where(c => c.Name is "TextEmbedding" or "TextTokens"));
            var sentenceGetter = cursor.GetGetter<VBuffer<float>>(output.Schema["TextEmbedding"]);
            var tokenGetter = cursor.GetGetter<VBuffer<float>>(output.Schema["TextTokens"]);
            VBuffer<float> value = default;
            while (cursor.MoveNext())
            {
                sentenceGetter(ref value);
                sentence.Add(value.DenseValues().ToArray());
                tokenGetter(ref value);
                token.Add(value.DenseValues().ToArray());
            }
            return (sentence.ToArray(), token.ToArray());
        }
        var (sentenceTrain, tokenTrain) = Columns(train);
        var (sentenceTest, tokenTest) = Columns(test);
        return (sentenceTrain, sentenceTest, tokenTrain, tokenTest, clock.Elapsed.TotalSeconds);
    }

    private static IDataView Features(MLContext ml, float[][] features, List<VaderSentence> rows, int[] shape)
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema["Features"].ColumnType = new VectorDataViewType(NumberDataViewType.Single, shape);
        return ml.Data.LoadFromEnumerable(rows.Select((r, i) => new FeatureRow { Label = r.Valence, Features = features[i] }), schema);
    }

    private static MmsaRegressionMetrics Evaluate(ITransformer model, IDataView test, List<VaderSentence> rows) =>
        MmsaRegressionEvaluator.Evaluate(model.Transform(test).GetColumn<float>("Score").ToArray(), rows.Select(r => r.Valence).ToArray());

    private static MmsaRegressionMetrics Sdca(int seed, float[][] train, float[][] test, List<VaderSentence> trainRows, List<VaderSentence> testRows)
    {
        var ml = new MLContext(seed);
        // ML.NET's default tolerance (a 1 % duality gap) stops SDCA early on 19k rows; run it closer to the optimum.
        var sdca = new Microsoft.ML.Trainers.SdcaRegressionTrainer.Options { ConvergenceTolerance = 1e-4f, MaximumNumberOfIterations = 100, L2Regularization = 1e-4f };
        var pipeline = ml.Transforms.NormalizeMeanVariance("Features").Append(ml.Regression.Trainers.Sdca(sdca));
        var model = pipeline.Fit(Features(ml, train, trainRows, [train[0].Length]));
        return Evaluate(model, Features(ml, test, testRows, [test[0].Length]), testRows);
    }

    private static MmsaRegressionMetrics Composed(int seed, int epochs, WordEmbeddingOptions encoder, double learningRate, List<VaderSentence> train, List<VaderSentence> test)
    {
        var ml = new MLContext(seed);
        IDataView Text(List<VaderSentence> rows) => ml.Data.LoadFromEnumerable(rows.Select(r => new TextRow { Text = r.Text, Label = r.Valence }));
        var pipeline = ml.Msa().Transforms.TokenIds(new TokenIdsOptions { MaxTokens = TokenIdTokens, AttentionMaskColumnName = null })
            .Append(ml.Msa().Trainers.Composed(RegressionOptions(seed, epochs, encoder, learningRate, batchSize: 256)));
        var model = pipeline.Fit(Text(train));
        return MmsaRegressionEvaluator.Evaluate(model.Transform(Text(test)).GetColumn<float>("Score").ToArray(), test.Select(r => r.Valence).ToArray());
    }

    /// <summary>Frozen MiniLM features (a sentence vector or token embeddings) -> an encoder of the composition -> MLP regression head.</summary>
    private static MmsaRegressionMetrics FrozenFeatures(int seed, int epochs, EncoderOptions encoder, int batchSize, float[][] train, float[][] test, List<VaderSentence> trainRows, List<VaderSentence> testRows)
    {
        var ml = new MLContext(seed);
        int[] shape = train[0].Length == TokenEmbeddingTokens * 384 ? [TokenEmbeddingTokens, 384] : [train[0].Length];
        var model = ml.Msa().Trainers.Composed(RegressionOptions(seed, epochs, encoder, learningRate: 0.001, batchSize)).Fit(Features(ml, train, trainRows, shape));
        return Evaluate(model, Features(ml, test, testRows, shape), testRows);
    }

    private static ComposedOptions RegressionOptions(int seed, int epochs, EncoderOptions encoder, double learningRate, int batchSize) => new()
    {
        Encoders = { encoder },
        Head = new MlpHeadOptions { Hidden = 64, Dropout = 0.1 },
        OutputKind = TorchOutputKind.Regression,
        RegressionLoss = RegressionLoss.Mse,
        Epochs = epochs,
        LearningRate = learningRate,
        BatchSize = batchSize,
        Seed = seed,
    };

    internal static string MeanStd(List<MmsaRegressionMetrics> metrics, Func<MmsaRegressionMetrics, double> value, double scale, string format)
    {
        var values = metrics.Select(m => scale * value(m)).ToList();
        double mean = values.Average();
        if (values.Count == 1) return mean.ToString(format);
        double std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return $"{mean.ToString(format)} ± {std.ToString(format)}";
    }

    internal static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
}
