using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>What one sentiment-intensity run gives: MMSA's metrics, ML.NET's regression metrics, the time and the model size.</summary>
public sealed record IntensityResult(string Model, INamedMetrics Metrics, RegressionMetrics MlNetMetrics, double SecondsToTrain, long Parameters);

/// <summary>
/// MMSA's protocol for one model and seed: train a regression model of the sentiment intensity on
/// the train split (early stopping on validation MAE), score the test split, evaluate it with
/// MMSA's metrics for the dataset and with <c>mlContext.Regression.Evaluate</c>, and save a bundle.
/// </summary>
public static class IntensityTrainingRun
{
    public static IntensityResult Run(MLContext ml, ExperimentTask task, MmsaDataset dataset, ModelChoice choice, string bundlePath, IExperimentProgress? progress = null)
    {
        if (!task.Regression) throw new ArgumentException($"Task '{task.Name}' is not a regression task.", nameof(task));
        if (!task.Records.Any(r => r.Split == SplitNames.Train)) throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Train}' split.");
        if (!task.Records.Any(r => r.Split == SplitNames.Test)) throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Test}' split; MMSA's protocol reports test metrics.");
        if (choice != ModelChoice.Text && !task.HasFirstModality)
            throw new InvalidDataException($"Dataset '{task.Name}': no clip has audio, so only --model text can be trained (put MMSA's Raw/<video_id>/<clip_id>.mp4 under the root for ffmpeg to extract, or give wav/<video_id>/<clip_id>.wav).");

        progress?.Stage(task.Name, "featurizing");
        using var features = task.Featurize(ml, progress);
        var runner = new TaskRunner(ml, task, features, progress);
        var model = runner.Train(choice, choice.ToString());
        var scored = model.Model.Transform(runner.Features.Test);
        var metrics = MmsaProtocol.Evaluate(dataset, scored, task.LabelColumn, model.ScoreColumn);
        var mlNet = ml.Regression.Evaluate(scored, task.LabelColumn, model.ScoreColumn);
        runner.Save(model, bundlePath);
        return new IntensityResult(choice.ToString(), metrics, mlNet, model.SecondsToTrain, model.Parameters);
    }
}
