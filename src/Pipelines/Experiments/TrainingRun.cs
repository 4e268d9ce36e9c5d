using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Experiments;

/// <summary>The models <c>msa train --model</c> offers.</summary>
public enum ModelChoice
{
    /// <summary>The paper's model of the task (AAT for speech, OTE for images) over both modalities.</summary>
    Paper,
    /// <summary>Text only.</summary>
    Text,
    /// <summary>The non-text modality only (audio or image).</summary>
    First,
    /// <summary>Early fusion of pooled features with L-BFGS maximum entropy.</summary>
    Early,
    /// <summary>Late fusion (average) of a text-only and a first-modality model.</summary>
    Late,
    /// <summary>The tensor-fusion (TFN) head over the two modalities' sequence features.</summary>
    TensorFusion,
    /// <summary>The cross-modal attention head over the two modalities' sequence features.</summary>
    Attention,
}

/// <summary>Trains one model of a task, evaluates it on the test split and saves a bundle of featurizer + model.</summary>
public static class TrainingRun
{
    public static ModelResult Run(MLContext ml, ExperimentTask task, ModelChoice choice, string bundlePath, IExperimentProgress? progress = null)
    {
        if (!task.Records.Any(r => r.Split == SplitNames.Train)) throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Train}' split.");
        bool hasTest = task.Records.Any(r => r.Split == SplitNames.Test);
        if (choice != ModelChoice.Text && !task.HasFirstModality)
            throw new InvalidDataException($"Dataset '{task.Name}': no row has the {task.FirstModality} modality, so only --model text can be trained.");

        progress?.Stage(task.Name, "featurizing");
        using var splits = task.Featurize(ml, progress);
        var (featurizer, inputSchema, trainFeatures, validationFeatures, testFeatures) = splits;
        if (!hasTest) testFeatures = trainFeatures;
        var results = new List<(ModelResult Result, ITransformer Model)>();
        var clock = Stopwatch.StartNew();

        ITransformer model;
        switch (choice)
        {
            case ModelChoice.Early:
                model = MsaPipelines.EarlyFusion(ml, task.EarlyFusionColumns).Fit(trainFeatures);
                results.Add((DemoExperiment.Evaluate(ml, task.Name, "early fusion", "early", model.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds, 0), model));
                break;
            case ModelChoice.Late:
                var first = DemoExperiment.TrainTorch(ml, task, TaskModalities.First, task.FirstModality, "ScoreFirst", "PredictedFirst", trainFeatures, validationFeatures, testFeatures, progress, results);
                var text = DemoExperiment.TrainTorch(ml, task, TaskModalities.Text, "text", "ScoreText", "PredictedText", trainFeatures, validationFeatures, testFeatures, progress, results);
                model = new TransformerChain<ITransformer>(first, text, DemoExperiment.LateFusion(task));
                results.Add((DemoExperiment.Evaluate(ml, task.Name, "late fusion", "late", model.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds,
                    first.ParameterCount + text.ParameterCount), model));
                break;
            case ModelChoice.TensorFusion:
            case ModelChoice.Attention:
                var head = choice == ModelChoice.TensorFusion ? MsaMl.Trainers.Fusion.FusionHead.TensorFusion : MsaMl.Trainers.Fusion.FusionHead.CrossModalAttention;
                model = DemoExperiment.TrainTorch(ml, task, task.HeadModel(head, "Score", "PredictedLabel"), choice == ModelChoice.TensorFusion ? "tensor fusion head" : "cross-modal attention head",
                    "head", trainFeatures, validationFeatures, testFeatures, progress, results);
                break;
            default:
                var modalities = choice switch { ModelChoice.Text => TaskModalities.Text, ModelChoice.First => TaskModalities.First, _ => TaskModalities.Both };
                model = DemoExperiment.TrainTorch(ml, task, modalities, choice == ModelChoice.Paper ? task.ModelName : choice.ToString().ToLowerInvariant(),
                    "Score", "PredictedLabel", trainFeatures, validationFeatures, testFeatures, progress, results);
                break;
        }

        progress?.Stage(task.Name, $"saving {bundlePath}");
        ml.Msa().Model.Save(new TransformerChain<ITransformer>(featurizer, model), inputSchema, bundlePath);
        var result = results[^1].Result;
        return hasTest ? result : result with { Model = result.Model + " (no test split: training data)" };
    }
}
