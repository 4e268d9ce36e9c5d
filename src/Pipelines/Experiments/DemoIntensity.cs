using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Scoring;
using MsaMl.Trainers.Training;

namespace MsaMl.Pipelines.Experiments;

/// <summary>One row of the demo's regression table: a sentiment-intensity model and MMSA's metrics on the test split.</summary>
public sealed record IntensityModelResult(string Task, string Model, MmsaRegressionMetrics Metrics, double SecondsToTrain, long Parameters);

/// <summary>
/// The demo's regression part, run after (and independent of) the classification tasks: on the
/// speech corpus's sentiment intensities (<see cref="DemoCorpusReader.IntensityOf"/>), text only,
/// audio only, AAT over both and late fusion (average of the two single-modality scores), each a
/// regression model with MMSA's L1 loss, evaluated with MMSA's metrics.
/// </summary>
internal static class DemoIntensity
{
    public const string TaskName = "speech intensity";

    public static IReadOnlyList<IntensityModelResult> Run(DemoOptions options, IReadOnlyList<MultimodalRecord> speech, IExperimentProgress? progress)
    {
        var ml = new MLContext(seed: options.Seed);
        var settings = new TrainingSettings { Quick = options.Quick, Seed = options.Seed };
        var task = TaskPipelines.Speech(ml, TaskName, speech, DemoCorpusReader.SpeechLabels, settings, regression: true, maxTokens: 16);
        progress?.Stage(TaskName, "featurizing (regression target: sentiment intensity)");
        using var splits = task.Featurize(ml, progress);
        var (_, _, train, validation, test) = splits;

        var results = new List<IntensityModelResult>();
        var audio = Train(task, TaskModalities.First, "Audio only", "ScoreFirst", "PredictedFirst", train, validation, test, progress, results);
        var text = Train(task, TaskModalities.Text, "Text only", "ScoreText", "PredictedText", train, validation, test, progress, results);
        Train(task, TaskModalities.Both, "AAT (audio + text)", "Score", "PredictedLabel", train, validation, test, progress, results);

        progress?.Stage(TaskName, "late fusion (average of the single-modality intensities)");
        var late = new TransformerChain<ITransformer>(audio, text, DemoExperiment.LateFusion(task));
        results.Add(new IntensityModelResult(TaskName, "Late fusion (average)", Evaluate(late.Transform(test), "Score"), 0, audio.ParameterCount + text.ParameterCount));
        return results;
    }

    private static TorchScoringTransformer Train(ExperimentTask task, TaskModalities modalities, string name, string score, string predicted,
        IDataView train, IDataView validation, IDataView test, IExperimentProgress? progress, List<IntensityModelResult> results)
    {
        progress?.Stage(TaskName, $"training {name}");
        var trainer = (ITorchTrainer)task.Model(modalities, score, predicted);
        if (progress != null) trainer.Progress = new EpochProgress(report => progress.Epoch(TaskName, name, report));
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(train, validation);
        results.Add(new IntensityModelResult(TaskName, name, Evaluate(model.Transform(test), score), clock.Elapsed.TotalSeconds, model.ParameterCount));
        return model;
    }

    private static MmsaRegressionMetrics Evaluate(IDataView scored, string score) =>
        MmsaRegressionEvaluator.Evaluate(scored, IntensityRecord.SentimentColumnName, score);

    private sealed class EpochProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }
}
