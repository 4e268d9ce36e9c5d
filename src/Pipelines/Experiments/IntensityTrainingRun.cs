using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Fusion;

namespace MsaMl.Pipelines.Experiments;

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
        using var splits = task.Featurize(ml, progress);
        var (featurizer, inputSchema, train, validation, test) = splits;
        var clock = Stopwatch.StartNew();
        ITransformer model;
        string score = "Score";
        long parameters = 0;
        switch (choice)
        {
            case ModelChoice.Early:
                model = MsaPipelines.EarlyFusionRegression(ml, task.EarlyFusionColumns, labelColumn: task.LabelColumn).Fit(train);
                break;
            case ModelChoice.Late:
                var first = TrainTorch(task, task.Model(TaskModalities.First, "ScoreFirst", "PredictedFirst"), "audio", train, validation, progress);
                var text = TrainTorch(task, task.Model(TaskModalities.Text, "ScoreText", "PredictedText"), "text", train, validation, progress);
                model = new TransformerChain<ITransformer>(first, text, DemoExperiment.LateFusion(task));
                parameters = first.ParameterCount + text.ParameterCount;
                break;
            case ModelChoice.TensorFusion or ModelChoice.Attention:
                var head = TrainTorch(task, task.HeadModel(choice == ModelChoice.TensorFusion ? FusionHead.TensorFusion : FusionHead.CrossModalAttention, "ScoreHead", "PredictedHead"),
                    choice.ToString(), train, validation, progress);
                (model, score, parameters) = (head, head.Spec.ScoreColumn, head.ParameterCount);
                break;
            default:
                var modalities = choice switch { ModelChoice.Text => TaskModalities.Text, ModelChoice.First => TaskModalities.First, _ => TaskModalities.Both };
                var single = TrainTorch(task, task.Model(modalities, "Score", "PredictedLabel"), choice.ToString(), train, validation, progress);
                (model, parameters) = (single, single.ParameterCount);
                break;
        }
        double seconds = clock.Elapsed.TotalSeconds;

        var scored = model.Transform(test);
        var metrics = MmsaProtocol.Evaluate(dataset, scored, task.LabelColumn, score);
        var mlNet = ml.Regression.Evaluate(scored, task.LabelColumn, score);

        progress?.Stage(task.Name, $"saving {bundlePath}");
        ml.Msa().Model.Save(new TransformerChain<ITransformer>(featurizer, model), inputSchema, bundlePath);
        return new IntensityResult(choice.ToString(), metrics, mlNet, seconds, parameters);
    }

    private static MsaMl.Trainers.Scoring.TorchScoringTransformer TrainTorch(ExperimentTask task, IEstimator<ITransformer> estimator, string name,
        IDataView train, IDataView validation, IExperimentProgress? progress)
    {
        progress?.Stage(task.Name, $"training {name}");
        var trainer = (MsaMl.Trainers.Training.ITorchTrainer)estimator;
        trainer.BatchProgress = progress?.Batches(task.Name, name);
        return trainer.Fit(train, validation);
    }
}
