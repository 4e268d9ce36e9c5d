using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

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
        // The speech corpus's utterances are short: 16 tokens, as for its classes, not MMSA's 50.
        (string, JsonNode)[] keys = [("dataset.task", JsonValue.Create("Regression")), ("featurizers.text.maxTokens", JsonValue.Create(16))];
        ExperimentConfig Config(string model) => DemoExperiment.Config(DemoExperiment.SpeechDataset, model, options, keys);
        var task = ConfiguredTask.Create(ml, TaskName, speech, DemoCorpusReader.SpeechLabels, Config("aat"));
        progress?.Stage(TaskName, "featurizing (regression target: sentiment intensity)");
        using var features = task.Featurize(ml, progress);
        var runner = new TaskRunner(ml, task, features, options.Seed, options.Quick, progress);
        var test = runner.Features.Test;
        var results = new List<IntensityModelResult>();
        TrainedModel Add(TrainedModel model)
        {
            results.Add(new IntensityModelResult(TaskName, model.Name, Evaluate(model.Model.Transform(test), model.ScoreColumn), model.SecondsToTrain, model.Parameters));
            return model;
        }

        var audio = Add(runner.Train(Config("audio").Model, "Audio only", LateMemberScore.Of(Modalities.Audio), "PredictedAudio"));
        var text = Add(runner.Train(Config("text").Model, "Text only", LateMemberScore.Of(Modalities.Text), "PredictedText"));
        Add(runner.Train(Config("aat").Model, "AAT (audio + text)"));
        progress?.Stage(TaskName, "late fusion (average of the single-modality intensities)");
        Add(runner.LateFusion([audio, text], "Late fusion (average)"));
        return results;
    }

    private static MmsaRegressionMetrics Evaluate(IDataView scored, string score) =>
        MmsaRegressionEvaluator.Evaluate(scored, IntensityRecord.SentimentColumnName, score);
}
