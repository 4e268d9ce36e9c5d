using System.Diagnostics;
using Microsoft.ML;
using System.Text.Json.Nodes;
using Microsoft.ML.Data;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;
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
    /// <summary>The dataset name of the speech corpus.</summary>
    public const string SpeechDataset = "demo-speech";

    /// <summary>The dataset name of the image corpus.</summary>
    public const string ImageDataset = "demo-images";

    public static DemoResult Run(DemoOptions options, IExperimentProgress? progress = null)
    {
        var ml = new MLContext(seed: options.Seed);
        string root = options.CorpusRoot ?? DemoCorpusReader.LocateRoot();
        Directory.CreateDirectory(options.OutputFolder);
        var tasks = new List<ExperimentTask>();
        if (options.Speech)
            tasks.Add(ConfiguredTask.Create(ml, "speech", DemoCorpusReader.ReadSpeech(ml, root).Records, DemoCorpusReader.SpeechLabels, Config(SpeechDataset, null, options)));
        if (options.Images)
            tasks.Add(ConfiguredTask.Create(ml, "images", DemoCorpusReader.ReadImages(ml, root).Records, DemoCorpusReader.ImageLabels, Config(ImageDataset, null, options)));

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

    /// <summary>
    /// The demo's configuration of one model: the <c>fast</c> preset for the demo corpus, with the
    /// demo's seed and <c>--quick</c>, exactly what <c>msa train --dataset demo-speech --model …</c> runs.
    /// </summary>
    /// <param name="dataset">demo-speech or demo-images.</param>
    /// <param name="model">The model name; null: the corpus's default model.</param>
    /// <param name="options">The demo's options.</param>
    /// <param name="keys">Further configuration keys (key path, JSON value).</param>
    internal static ExperimentConfig Config(string dataset, string? model, DemoOptions options, params (string Key, JsonNode Value)[] keys)
    {
        var overlay = new JsonObject();
        ConfigOverlay.Set(overlay, "dataset.name", JsonValue.Create(dataset));
        if (model is not null) ConfigOverlay.Set(overlay, "model.name", JsonValue.Create(model));
        ConfigOverlay.Set(overlay, "training.quick", JsonValue.Create(options.Quick));
        ConfigOverlay.Set(overlay, "evaluation.seeds", new JsonArray(options.Seed));
        foreach (var (key, value) in keys) ConfigOverlay.Set(overlay, key, value.DeepClone());
        return ExperimentConfigResolver.Resolve(overlay);
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
        var runner = new TaskRunner(ml, task, features, options.Seed, options.Quick, progress);
        var results = new List<(ModelResult Result, ITransformer Model)>();
        string dataset = task.Declared.HasFlag(Modalities.Audio) ? SpeechDataset : ImageDataset;
        var other = task.Inputs.First(i => i.Modality != Modalities.Text).Modality;
        string paper = TaskModels.Default(task.Declared);
        string paperName = TrainingRun.DisplayName(paper);
        TrainedModel Add(string model, string name, string kind, string score = "Score", string predicted = "PredictedLabel")
        {
            var trained = runner.Train(Config(dataset, model, options).Model, name, score, predicted);
            results.Add((runner.Evaluate(trained, kind), trained.Model));
            return trained;
        }

        var firstOnly = Add(TaskModels.Single(other).Name, $"{Capitalize(other.Describe())} only", "first", LateMemberScore.Of(other), $"Predicted{other}");
        var textOnly = Add("text", "Text only", "text", LateMemberScore.Of(Modalities.Text), $"Predicted{Modalities.Text}");
        var both = Add(paper, $"{paperName} ({other.Describe()} + text)", "both");
        Add("tfn", "Tensor fusion (TFN head)", "head", "ScoreHead", "PredictedHead");
        Add("attention", "Cross-modal attention head", "head", "ScoreHead", "PredictedHead");
        Add("early", "Early fusion (L-BFGS)", "early");
        var late = runner.LateFusion([firstOnly, textOnly], "Late fusion (average)");
        results.Add((runner.Evaluate(late, "late"), late.Model));

        progress?.Stage(task.Name, "scoring cost and missing-modality robustness");
        var testFeatures = runner.Features.Test;
        models.AddRange(results.Select(r => WithCost(r.Result, r.Model, testFeatures)));
        var blanked = (runner.TestWithout(other), runner.TestWithout(Modalities.Text));
        robustness.Add(Robustness(ml, task, other, paperName, both.Model, testFeatures, blanked));
        robustness.Add(Robustness(ml, task, other, "Late fusion", late.Model, testFeatures, blanked));

        progress?.Stage(task.Name, $"saving the {paperName} bundle and predicting with the reloaded model");
        string bundle = Path.Combine(options.OutputFolder, $"{paper}.zip");
        runner.Save(both, bundle);
        bundles.Add(bundle);
        examples.AddRange(PredictWithReloadedBundle(bundle, task.Records.Where(r => r.Split == SplitNames.Test).Take(2)));
    }

    /// <summary>The result with the model's scoring cost (ms per row, peak memory) on <paramref name="features"/>.</summary>
    private static ModelResult WithCost(ModelResult result, ITransformer model, IDataView features) =>
        result with { Complexity = ComplexityRow.From(result.Model, result.Parameters, ScoringCostMeter.Measure(model, features)) };

    private static RobustnessResult Robustness(MLContext ml, ExperimentTask task, Modalities other, string name, ITransformer model,
        IDataView testFeatures, (IDataView FirstBlanked, IDataView TextBlanked) blanked)
    {
        double Accuracy(IDataView features) => ml.MulticlassClassification.Evaluate(model.Transform(features)).MicroAccuracy;
        return new RobustnessResult(task.Name, name, Accuracy(testFeatures), Accuracy(blanked.FirstBlanked), Accuracy(blanked.TextBlanked), other.Describe());
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
