using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

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
        using var features = task.Featurize(ml, progress);
        var runner = new TaskRunner(ml, task, features, progress);
        var test = runner.Features.Test;
        var results = new List<IntensityModelResult>();
        TrainedModel Add(TrainedModel model)
        {
            results.Add(new IntensityModelResult(TaskName, model.Name, Evaluate(model.Model.Transform(test), model.ScoreColumn), model.SecondsToTrain, model.Parameters));
            return model;
        }

        var audio = Add(runner.Train(ModelChoice.First, "Audio only", LateMemberScore.First, "PredictedFirst"));
        var text = Add(runner.Train(ModelChoice.Text, "Text only", LateMemberScore.Text, "PredictedText"));
        Add(runner.Train(ModelChoice.Paper, "AAT (audio + text)"));
        progress?.Stage(TaskName, "late fusion (average of the single-modality intensities)");
        Add(runner.LateFusion(audio, text, "Late fusion (average)"));
        return results;
    }

    private static MmsaRegressionMetrics Evaluate(IDataView scored, string score) =>
        MmsaRegressionEvaluator.Evaluate(scored, IntensityRecord.SentimentColumnName, score);
}
