using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Pipelines.Fusion;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Scoring;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Experiments;

/// <summary>
/// The demo on the embedded corpus: for each task, trains the first modality alone, text alone,
/// the paper's model over both, a tensor-fusion and a cross-modal attention head, early fusion
/// and late fusion; evaluates them on the test split;
/// scores them with a modality blanked; saves the paper's model as a bundle; reloads it and
/// predicts example rows through PredictionEngine.
/// </summary>
public static class DemoExperiment
{
    public static DemoResult Run(DemoOptions options, IExperimentProgress? progress = null)
    {
        var ml = new MLContext(seed: options.Seed);
        string root = options.CorpusRoot ?? DemoCorpusReader.LocateRoot();
        Directory.CreateDirectory(options.OutputFolder);
        var settings = new TrainingSettings { Quick = options.Quick, Seed = options.Seed };
        var tasks = new List<ExperimentTask>();
        if (options.Speech)
            tasks.Add(TaskPipelines.Speech(ml, "speech", DemoCorpusReader.ReadSpeech(ml, root).Records, DemoCorpusReader.SpeechLabels, settings));
        if (options.Images)
            tasks.Add(TaskPipelines.Images(ml, "images", DemoCorpusReader.ReadImages(ml, root).Records, DemoCorpusReader.ImageLabels, settings));

        var models = new List<ModelResult>();
        var robustness = new List<RobustnessResult>();
        var bundles = new List<string>();
        var examples = new List<ExamplePrediction>();
        foreach (var task in tasks)
            RunTask(ml, task, options, progress, models, robustness, bundles, examples);
        // After the classification tasks, with its own MLContext, so their results do not depend on it.
        var intensity = options.Speech && options.Intensity
            ? DemoIntensity.Run(options, tasks.First(t => t.Name == "speech").Records, progress)
            : Array.Empty<IntensityModelResult>();

        string report = DemoReport.Write(options, models, robustness, examples, intensity);
        WriteResults(options, models, intensity);
        return new DemoResult(models, robustness, bundles, examples, report, intensity);
    }

    /// <summary>Every model's test metrics with the options and package versions, as a result file.</summary>
    private static void WriteResults(DemoOptions options, IReadOnlyList<ModelResult> models, IReadOnlyList<IntensityModelResult> intensity) =>
        EvaluationResultFile.Write(Path.Combine(options.OutputFolder, "results.json"), new EvaluationResultDocument
        {
            Kind = "demo",
            CreatedUtc = DateTime.UtcNow,
            Versions = PackageVersions.Current(),
            Options = EvaluationResultFile.SerializeOptions(options),
            Seeds = { options.Seed },
            Runs = models.Select(m => new EvaluationRunRecord($"{m.Task}/{m.Model}", options.Seed, m.SecondsToTrain, m.Metrics.ToNamedValues()))
                .Concat(intensity.Select(m => new EvaluationRunRecord($"{m.Task}/{m.Model}", options.Seed, m.SecondsToTrain, m.Metrics.ToNamedValues())))
                .ToList(),
        });

    private static void RunTask(MLContext ml, ExperimentTask task, DemoOptions options, IExperimentProgress? progress,
        List<ModelResult> models, List<RobustnessResult> robustness, List<string> bundles, List<ExamplePrediction> examples)
    {
        progress?.Stage(task.Name, "featurizing (spectrogram / image, MiniLM text encoder)");
        using var splits = task.Featurize(ml, progress);
        var (featurizer, inputSchema, trainFeatures, validationFeatures, testFeatures) = splits;
        var results = new List<(ModelResult Result, ITransformer Model)>();

        string first = Capitalize(task.FirstModality);
        var firstOnly = TrainTorch(ml, task, TaskModalities.First, $"{first} only", "ScoreFirst", "PredictedFirst", trainFeatures, validationFeatures, testFeatures, progress, results);
        var textOnly = TrainTorch(ml, task, TaskModalities.Text, "Text only", "ScoreText", "PredictedText", trainFeatures, validationFeatures, testFeatures, progress, results);
        var both = TrainTorch(ml, task, TaskModalities.Both, $"{task.ModelName} ({task.FirstModality} + text)", "Score", "PredictedLabel", trainFeatures, validationFeatures, testFeatures, progress, results);
        foreach (var head in new[] { FusionHead.TensorFusion, FusionHead.CrossModalAttention })
        {
            string name = head == FusionHead.TensorFusion ? "Tensor fusion (TFN head)" : "Cross-modal attention head";
            TrainTorch(ml, task, task.HeadModel(head, "ScoreHead", "PredictedHead"), name, "head", trainFeatures, validationFeatures, testFeatures, progress, results);
        }

        progress?.Stage(task.Name, "early fusion (pooled features -> L-BFGS maximum entropy)");
        var clock = Stopwatch.StartNew();
        var early = MsaPipelines.EarlyFusion(ml, task.EarlyFusionColumns).Fit(trainFeatures);
        results.Add((Evaluate(ml, task.Name, "Early fusion (L-BFGS)", "early", early.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds, 0), early));

        progress?.Stage(task.Name, "late fusion (average of the single-modality models)");
        var late = new TransformerChain<ITransformer>(firstOnly, textOnly, LateFusion(task));
        results.Add((Evaluate(ml, task.Name, "Late fusion (average)", "late", late.Transform(testFeatures), "Score", "PredictedLabel", 0,
            firstOnly.ParameterCount + textOnly.ParameterCount), late));

        progress?.Stage(task.Name, "scoring cost and missing-modality robustness");
        models.AddRange(results.Select(r => WithCost(r.Result, r.Model, testFeatures)));
        var blanked = BlankedTestFeatures(ml, task, featurizer);
        robustness.Add(Robustness(ml, task, $"{task.ModelName}", both, testFeatures, blanked));
        robustness.Add(Robustness(ml, task, "Late fusion", late, testFeatures, blanked));

        progress?.Stage(task.Name, $"saving the {task.ModelName} bundle and predicting with the reloaded model");
        string bundle = Path.Combine(options.OutputFolder, $"{task.ModelName.ToLowerInvariant()}.zip");
        ml.Msa().Model.Save(new TransformerChain<ITransformer>(featurizer, both), inputSchema, bundle);
        bundles.Add(bundle);
        examples.AddRange(PredictWithReloadedBundle(bundle, task.Records.Where(r => r.Split == SplitNames.Test).Take(2)));
    }

    internal static TorchScoringTransformer TrainTorch(MLContext ml, ExperimentTask task, TaskModalities modalities, string name,
        string score, string predicted, IDataView train, IDataView validation, IDataView test, IExperimentProgress? progress, List<(ModelResult, ITransformer)> results) =>
        TrainTorch(ml, task, task.Model(modalities, score, predicted), name, modalities.ToString().ToLowerInvariant(), train, validation, test, progress, results);

    internal static TorchScoringTransformer TrainTorch(MLContext ml, ExperimentTask task, IEstimator<ITransformer> estimator, string name, string kind,
        IDataView train, IDataView validation, IDataView test, IExperimentProgress? progress, List<(ModelResult, ITransformer)> results)
    {
        progress?.Stage(task.Name, $"training {name}");
        var trainer = (ITorchTrainer)estimator;
        if (progress != null)
        {
            trainer.Progress = new Progress(report => progress.Epoch(task.Name, name, report));
            trainer.BatchProgress = progress.Batches(task.Name, name);
        }
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(train, validation);
        var scoreColumn = model.Spec.ScoreColumn;
        var result = Evaluate(ml, task.Name, name, kind, model.Transform(test), scoreColumn, model.Spec.PredictedLabelColumn,
            clock.Elapsed.TotalSeconds, model.ParameterCount, trainer.LastReport?.Epochs);
        results.Add((result, model));
        return model;
    }

    internal static LateFusionTransformer LateFusion(ExperimentTask task) =>
        new(new LateFusionOptions
        {
            Members =
            {
                new LateFusionMember { Name = task.FirstModality, ScoreColumnName = "ScoreFirst", PresenceColumnName = task.FirstPathColumn },
                new LateFusionMember { Name = "text", ScoreColumnName = "ScoreText", PresenceColumnName = "Text" },
            },
        });

    internal static ModelResult Evaluate(MLContext ml, string task, string name, string kind, IDataView scored, string score, string predicted,
        double seconds, long parameters, IReadOnlyList<EpochReport>? curve = null)
    {
        var metrics = ml.Msa().Evaluation.EvaluateClassification(scored, "Label", score, predicted);
        return new ModelResult(task, name, kind, metrics, seconds, parameters, curve);
    }

    /// <summary>The result with the model's scoring cost (ms per row, peak memory) on <paramref name="features"/>.</summary>
    private static ModelResult WithCost(ModelResult result, ITransformer model, IDataView features) =>
        result with { Complexity = ComplexityRow.From(result.Model, result.Parameters, ScoringCostMeter.Measure(model, features)) };

    /// <summary>The test split featurized with the non-text modality blanked, and with the text blanked (once per task).</summary>
    private static (IDataView FirstBlanked, IDataView TextBlanked) BlankedTestFeatures(MLContext ml, ExperimentTask task, ITransformer featurizer)
    {
        IDataView Featurize(Action<MultimodalRecord> blank)
        {
            var rows = task.Records.Where(r => r.Split == SplitNames.Test).Select(ExperimentTask.Standard).ToList();
            rows.ForEach(blank);
            return Materialize(ml, featurizer.Transform(task.MapLabels(ml.Data.LoadFromEnumerable(rows))));
        }
        return (Featurize(r => { if (task.FirstPathColumn == "AudioPath") r.AudioPath = ""; else r.ImagePath = ""; }),
                Featurize(r => r.Text = ""));
    }

    private static RobustnessResult Robustness(MLContext ml, ExperimentTask task, string name, ITransformer model,
        IDataView testFeatures, (IDataView FirstBlanked, IDataView TextBlanked) blanked)
    {
        double Accuracy(IDataView features) => ml.MulticlassClassification.Evaluate(model.Transform(features)).MicroAccuracy;
        return new RobustnessResult(task.Name, name, Accuracy(testFeatures), Accuracy(blanked.FirstBlanked), Accuracy(blanked.TextBlanked), task.FirstModality);
    }

    // As a scoring app would: a fresh context, the scoring columns only, class names from the bundle.
    private static IEnumerable<ExamplePrediction> PredictWithReloadedBundle(string bundle, IEnumerable<MultimodalRecord> rows)
    {
        var fresh = new MLContext(seed: 7);
        var model = fresh.Msa().Model.Load(bundle, out _);
        var classes = fresh.Msa().Model.ClassNames(bundle);
        var engine = fresh.Model.CreatePredictionEngine<MultimodalInput, BundlePrediction>(model);
        foreach (var row in rows)
        {
            var prediction = engine.Predict(MultimodalInput.Of(row));
            yield return new ExamplePrediction(row.Id, row.Text, row.Label, classes[(int)prediction.PredictedLabel - 1],
                classes.Select((c, i) => (c, prediction.Score[i])).ToDictionary(p => p.c, p => p.Item2));
        }
    }

    private sealed class BundlePrediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
    }

    /// <summary>Caches every column in memory now, so the featurizers (MiniLM, ResNet-18) run once and no model's training time includes them.</summary>
    internal static IDataView Materialize(MLContext ml, IDataView data)
    {
        var cached = ml.Data.Cache(data);
        using var cursor = cached.GetRowCursor(cached.Schema);
        while (cursor.MoveNext()) { }
        return cached;
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private sealed class Progress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
