using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Pipelines.Fusion;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Scoring;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments;

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
        using var features = task.Featurize(ml, progress);
        var runner = new TaskRunner(ml, task, features, progress);
        var results = new List<(ModelResult Result, ITransformer Model)>();
        TrainedModel Add(TrainedModel model, string kind)
        {
            results.Add((runner.Evaluate(model, kind), model.Model));
            return model;
        }

        var firstOnly = Add(runner.Train(ModelChoice.First, $"{Capitalize(task.FirstModality)} only", LateMemberScore.First, "PredictedFirst"), "first");
        var textOnly = Add(runner.Train(ModelChoice.Text, "Text only", LateMemberScore.Text, "PredictedText"), "text");
        var both = Add(runner.Train(ModelChoice.Paper, $"{task.ModelName} ({task.FirstModality} + text)"), "both");
        Add(runner.Train(ModelChoice.TensorFusion, "Tensor fusion (TFN head)", "ScoreHead", "PredictedHead"), "head");
        Add(runner.Train(ModelChoice.Attention, "Cross-modal attention head", "ScoreHead", "PredictedHead"), "head");
        Add(runner.Train(ModelChoice.Early, "Early fusion (L-BFGS)"), "early");
        var late = Add(runner.LateFusion(firstOnly, textOnly, "Late fusion (average)"), "late");

        progress?.Stage(task.Name, "scoring cost and missing-modality robustness");
        var testFeatures = runner.Features.Test;
        models.AddRange(results.Select(r => WithCost(r.Result, r.Model, testFeatures)));
        var blanked = BlankedTestFeatures(ml, task, runner.Features);
        robustness.Add(Robustness(ml, task, $"{task.ModelName}", both.Model, testFeatures, blanked));
        robustness.Add(Robustness(ml, task, "Late fusion", late.Model, testFeatures, blanked));

        progress?.Stage(task.Name, $"saving the {task.ModelName} bundle and predicting with the reloaded model");
        string bundle = Path.Combine(options.OutputFolder, $"{task.ModelName.ToLowerInvariant()}.zip");
        runner.Save(both, bundle);
        bundles.Add(bundle);
        examples.AddRange(PredictWithReloadedBundle(bundle, task.Records.Where(r => r.Split == SplitNames.Test).Take(2)));
    }

    /// <summary>The result with the model's scoring cost (ms per row, peak memory) on <paramref name="features"/>.</summary>
    private static ModelResult WithCost(ModelResult result, ITransformer model, IDataView features) =>
        result with { Complexity = ComplexityRow.From(result.Model, result.Parameters, ScoringCostMeter.Measure(model, features)) };

    /// <summary>The test split featurized with the non-text modality blanked, and with the text blanked (once per task).</summary>
    /// <remarks>Written to the task's own feature cache, beside its three splits (deleted with them).</remarks>
    private static (IDataView FirstBlanked, IDataView TextBlanked) BlankedTestFeatures(MLContext ml, ExperimentTask task, FeaturizedSplits features)
    {
        var cache = features.Cache ?? throw new InvalidOperationException($"Task '{task.Name}': the featurized splits have no feature cache.");
        IDataView Featurize(string name, Action<MultimodalRecord> blank)
        {
            var rows = task.Records.Where(r => r.Split == SplitNames.Test).Select(ExperimentTask.Standard).ToList();
            rows.ForEach(blank);
            return cache.Save(features.Featurizer.Transform(task.MapLabels(ml.Data.LoadFromEnumerable(rows))), name);
        }
        return (Featurize("test-first-blanked", r => { if (task.FirstPathColumn == "AudioPath") r.AudioPath = ""; else r.ImagePath = ""; }),
                Featurize("test-text-blanked", r => r.Text = ""));
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

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
}
