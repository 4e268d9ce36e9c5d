using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Fusion;
using MsaMl.Trainers.Scoring;
using MsaMl.Trainers.Training;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Progress of the demo: a stage message, and epoch reports of the model being trained.</summary>
public interface IDemoProgress
{
    void Stage(string task, string message);
    void Epoch(string task, string model, EpochReport report);
}

/// <summary>Everything the demo produced.</summary>
public sealed record DemoResult(
    IReadOnlyList<ModelResult> Models,
    IReadOnlyList<RobustnessResult> Robustness,
    IReadOnlyList<string> Bundles,
    IReadOnlyList<ExamplePrediction> Examples,
    string ReportPath);

/// <summary>
/// The demo on the embedded corpus: for each task, trains the first modality alone, text alone,
/// the paper's model over both, early fusion and late fusion; evaluates them on the test split;
/// scores them with a modality blanked; saves the paper's model as a bundle; reloads it and
/// predicts example rows through PredictionEngine.
/// </summary>
public static class DemoExperiment
{
    public static DemoResult Run(DemoOptions options, IDemoProgress? progress = null)
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

        string report = DemoReport.Write(options, models, robustness, examples);
        return new DemoResult(models, robustness, bundles, examples, report);
    }

    private static void RunTask(MLContext ml, ExperimentTask task, DemoOptions options, IDemoProgress? progress,
        List<ModelResult> models, List<RobustnessResult> robustness, List<string> bundles, List<ExamplePrediction> examples)
    {
        var train = task.Split(ml, SplitNames.Train);
        var validation = task.Split(ml, SplitNames.Validation);
        var test = task.Split(ml, SplitNames.Test);

        progress?.Stage(task.Name, "featurizing (spectrogram / image, MiniLM text encoder)");
        var featurizer = task.Featurizer.Fit(train);
        var trainFeatures = Materialize(ml, featurizer.Transform(train));
        var validationFeatures = Materialize(ml, featurizer.Transform(validation));
        var testFeatures = Materialize(ml, featurizer.Transform(test));

        string first = Capitalize(task.FirstModality);
        var firstOnly = TrainTorch(ml, task, TaskModalities.First, $"{first} only", "ScoreFirst", "PredictedFirst", trainFeatures, validationFeatures, testFeatures, progress, models);
        var textOnly = TrainTorch(ml, task, TaskModalities.Text, "Text only", "ScoreText", "PredictedText", trainFeatures, validationFeatures, testFeatures, progress, models);
        var both = TrainTorch(ml, task, TaskModalities.Both, $"{task.ModelName} ({task.FirstModality} + text)", "Score", "PredictedLabel", trainFeatures, validationFeatures, testFeatures, progress, models);

        progress?.Stage(task.Name, "early fusion (pooled features -> L-BFGS maximum entropy)");
        var clock = Stopwatch.StartNew();
        var early = MsaPipelines.EarlyFusion(ml, task.EarlyFusionColumns).Fit(trainFeatures);
        models.Add(Evaluate(ml, task.Name, "Early fusion (L-BFGS)", "early", early.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds, 0));

        progress?.Stage(task.Name, "late fusion (average of the single-modality models)");
        var late = new TransformerChain<ITransformer>(firstOnly, textOnly, LateFusion(task));
        models.Add(Evaluate(ml, task.Name, "Late fusion (average)", "late", late.Transform(testFeatures), "Score", "PredictedLabel", 0,
            firstOnly.ParameterCount + textOnly.ParameterCount));

        progress?.Stage(task.Name, "missing-modality robustness");
        robustness.Add(Robustness(ml, task, featurizer, test, $"{task.ModelName}", both, "Score", "PredictedLabel"));
        robustness.Add(Robustness(ml, task, featurizer, test, "Late fusion", late, "Score", "PredictedLabel"));

        progress?.Stage(task.Name, $"saving the {task.ModelName} bundle and predicting with the reloaded model");
        string bundle = Path.Combine(options.OutputFolder, $"{task.ModelName.ToLowerInvariant()}.zip");
        ml.Msa().Model.Save(new TransformerChain<ITransformer>(featurizer, both), train.Schema, bundle);
        bundles.Add(bundle);
        examples.AddRange(PredictWithReloadedBundle(bundle, task.Records.Where(r => r.Split == SplitNames.Test).Take(2)));
    }

    internal static TorchScoringTransformer TrainTorch(MLContext ml, ExperimentTask task, TaskModalities modalities, string name,
        string score, string predicted, IDataView train, IDataView validation, IDataView test, IDemoProgress? progress, List<ModelResult> models)
    {
        progress?.Stage(task.Name, $"training {name}");
        var trainer = (ITorchTrainer)task.Model(modalities, score, predicted);
        if (progress != null) trainer.Progress = new Progress(report => progress.Epoch(task.Name, name, report));
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(train, validation);
        models.Add(Evaluate(ml, task.Name, name, modalities.ToString().ToLowerInvariant(), model.Transform(test), score, predicted,
            clock.Elapsed.TotalSeconds, model.ParameterCount, trainer.LastReport?.Epochs));
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
        var metrics = ml.MulticlassClassification.Evaluate(scored, "Label", score, predicted);
        return new ModelResult(task, name, kind, metrics.MicroAccuracy, metrics.MacroAccuracy, MacroF1(metrics.ConfusionMatrix), seconds, parameters, curve);
    }

    private static double MacroF1(ConfusionMatrix matrix)
    {
        var f1 = new List<double>();
        for (int c = 0; c < matrix.NumberOfClasses; c++)
        {
            double p = matrix.PerClassPrecision[c], r = matrix.PerClassRecall[c];
            f1.Add(p + r > 0 ? 2 * p * r / (p + r) : 0);
        }
        return f1.Average();
    }

    private static RobustnessResult Robustness(MLContext ml, ExperimentTask task, ITransformer featurizer, IDataView test, string name,
        ITransformer model, string score, string predicted)
    {
        double Accuracy(Func<MultimodalRecord, MultimodalRecord> blank)
        {
            var rows = task.Records.Where(r => r.Split == SplitNames.Test).Select(ExperimentTask.Standard).Select(blank).ToList();
            var features = featurizer.Transform(ml.Data.LoadFromEnumerable(rows));
            return ml.MulticlassClassification.Evaluate(model.Transform(features), "Label", score, predicted).MicroAccuracy;
        }
        MultimodalRecord Copy(MultimodalRecord r) => ExperimentTask.Standard(r);
        return new RobustnessResult(task.Name, name,
            Accuracy(Copy),
            Accuracy(r => { var c = Copy(r); if (task.FirstPathColumn == "AudioPath") c.AudioPath = ""; else c.ImagePath = ""; return c; }),
            Accuracy(r => { var c = Copy(r); c.Text = ""; return c; }),
            task.FirstModality);
    }

    private static IEnumerable<ExamplePrediction> PredictWithReloadedBundle(string bundle, IEnumerable<MultimodalRecord> rows)
    {
        var fresh = new MLContext(seed: 7);
        var model = fresh.Msa().Model.Load(bundle, out var schema);
        var engine = fresh.Model.CreatePredictionEngine<MultimodalRecord, BundlePrediction>(model, inputSchemaDefinition: null);
        var classes = ClassNames(model, schema);
        foreach (var row in rows)
        {
            var prediction = engine.Predict(ExperimentTask.Standard(row));
            yield return new ExamplePrediction(row.Id, row.Text, row.Label, classes[(int)prediction.PredictedLabel - 1],
                classes.Select((c, i) => (c, prediction.Score[i])).ToDictionary(p => p.c, p => p.Item2));
        }
    }

    private static string[] ClassNames(ITransformer model, DataViewSchema inputSchema)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        model.GetOutputSchema(inputSchema)["Score"].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToArray();
    }

    private sealed class BundlePrediction
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
    }

    internal static IDataView Materialize(MLContext ml, IDataView data) => ml.Data.Cache(data);

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private sealed class Progress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
