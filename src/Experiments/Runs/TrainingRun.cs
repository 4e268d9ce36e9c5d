using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;

namespace MsaMl.Experiments;

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
        bool hasTest = ScoredSplit(task.Records) == SplitNames.Test;

        progress?.Stage(task.Name, "featurizing");
        using var featurized = task.Featurize(ml, progress);
        var features = hasTest ? featurized : featurized with { Test = featurized.Train };
        var runner = new TaskRunner(ml, task, features, progress);
        var model = runner.Train(choice, NameOf(choice, task));
        var result = runner.Evaluate(model, KindOf(choice));
        runner.Save(model, bundlePath);
        return hasTest ? result : result with { Model = result.Model + " (no test split: training data)" };
    }

    /// <summary>
    /// The split a run's metrics are computed on: <see cref="SplitNames.Test"/>, or, when
    /// <paramref name="records"/> have no test rows, <see cref="SplitNames.Train"/> (the model is
    /// still trained and saved, for a final model on all rows; its metrics are training metrics).
    /// </summary>
    public static string ScoredSplit(IEnumerable<MultimodalRecord> records) =>
        records.Any(r => r.Split == SplitNames.Test) ? SplitNames.Test : SplitNames.Train;

    /// <summary>The warning that goes with <see cref="ScoredSplit"/> <see cref="SplitNames.Train"/>.</summary>
    public const string NoTestSplitWarning =
        "the data has no test rows, so the metrics are computed on the training rows and overstate accuracy on new data " +
        "(give some rows the split 'test', or for a table leave the split column out and msa draws a seeded, stratified 80/10/10 split)";

    private static string NameOf(ModelChoice choice, ExperimentTask task) => choice switch
    {
        ModelChoice.Paper => task.ModelName,
        ModelChoice.First => task.FirstModality,
        ModelChoice.Early => "early fusion",
        ModelChoice.Late => "late fusion",
        ModelChoice.TensorFusion => "tensor fusion head",
        ModelChoice.Attention => "cross-modal attention head",
        _ => choice.ToString().ToLowerInvariant(),
    };

    private static string KindOf(ModelChoice choice) => choice switch
    {
        ModelChoice.Paper => "both",
        ModelChoice.TensorFusion or ModelChoice.Attention => "head",
        _ => choice.ToString().ToLowerInvariant(),
    };
}
