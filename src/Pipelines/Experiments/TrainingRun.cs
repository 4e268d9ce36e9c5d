using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Experiments;

/// <summary>How a model <c>msa train --model</c> names is built (the modalities it reads are <see cref="ModelSpec.Reads"/>).</summary>
public enum ModelChoice
{
    /// <summary>The paper's network of the task (AAT for speech, OTE for images) over the modalities it reads: both, or one for an ablation.</summary>
    Paper,
    /// <summary>Early fusion of pooled features with L-BFGS maximum entropy.</summary>
    Early,
    /// <summary>Late fusion (average) of one single-modality model per modality.</summary>
    Late,
    /// <summary>The tensor-fusion (TFN) composition over the modalities' sequence features.</summary>
    TensorFusion,
    /// <summary>The cross-modal attention composition over the modalities' sequence features.</summary>
    Attention,
}

/// <summary>Trains one model of a task, evaluates it on the test split and saves a bundle of featurizer + model.</summary>
public static class TrainingRun
{
    /// <exception cref="InvalidDataException">No training rows, or the dataset lacks a modality the model reads (the message names both sets).</exception>
    public static ModelResult Run(MLContext ml, ExperimentTask task, ModelSpec model, string bundlePath, IExperimentProgress? progress = null)
    {
        if (!task.Records.Any(r => r.Split == SplitNames.Train)) throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Train}' split.");
        bool hasTest = task.Records.Any(r => r.Split == SplitNames.Test);
        task.RequireReadable(model);
        var choice = model.Choice;

        progress?.Stage(task.Name, "featurizing");
        var (featurizer, inputSchema, trainFeatures, validationFeatures, testFeatures) = task.Featurize(ml);
        if (!hasTest) testFeatures = trainFeatures;
        var results = new List<(ModelResult Result, ITransformer Model)>();
        var clock = Stopwatch.StartNew();

        ITransformer trained;
        switch (choice)
        {
            case ModelChoice.Early:
                trained = MsaPipelines.EarlyFusion(ml, task.EarlyFusionColumns).Fit(trainFeatures);
                results.Add((DemoExperiment.Evaluate(ml, task.Name, "early fusion", "early", trained.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds, 0), trained));
                break;
            case ModelChoice.Late:
                var first = DemoExperiment.TrainTorch(ml, task, task.First, task.FirstModality, "ScoreFirst", "PredictedFirst", trainFeatures, validationFeatures, testFeatures, progress, results);
                var text = DemoExperiment.TrainTorch(ml, task, Modalities.Text, "text", "ScoreText", "PredictedText", trainFeatures, validationFeatures, testFeatures, progress, results);
                trained = new TransformerChain<ITransformer>(first, text, DemoExperiment.LateFusion(task));
                results.Add((DemoExperiment.Evaluate(ml, task.Name, "late fusion", "late", trained.Transform(testFeatures), "Score", "PredictedLabel", clock.Elapsed.TotalSeconds,
                    first.ParameterCount + text.ParameterCount), trained));
                break;
            case ModelChoice.TensorFusion:
            case ModelChoice.Attention:
                var head = choice == ModelChoice.TensorFusion ? MsaMl.Trainers.Fusion.FusionHead.TensorFusion : MsaMl.Trainers.Fusion.FusionHead.CrossModalAttention;
                trained = DemoExperiment.TrainTorch(ml, task, task.HeadModel(head, "Score", "PredictedLabel"), choice == ModelChoice.TensorFusion ? "tensor fusion head" : "cross-modal attention head",
                    "head", trainFeatures, validationFeatures, testFeatures, progress, results);
                break;
            default:
                trained = DemoExperiment.TrainTorch(ml, task, model.Reads, model.Reads.Members().Count > 1 ? task.ModelName : model.Name,
                    "Score", "PredictedLabel", trainFeatures, validationFeatures, testFeatures, progress, results);
                break;
        }

        progress?.Stage(task.Name, $"saving {bundlePath}");
        ml.Msa().Model.Save(new TransformerChain<ITransformer>(featurizer, trained), inputSchema, bundlePath);
        var result = results[^1].Result;
        return hasTest ? result : result with { Model = result.Model + " (no test split: training data)" };
    }
}
