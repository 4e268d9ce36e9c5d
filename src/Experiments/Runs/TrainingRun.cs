using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>Trains one model of a task, evaluates it on the test split with the task's metric set and saves a bundle of featurizer + model.</summary>
public static class TrainingRun
{
    /// <summary>What one training run measured.</summary>
    /// <param name="Metrics">The task's metrics on the scored split, every input given.</param>
    /// <param name="Missing">The metrics on the test split with each subset of the model's modalities missing (<see cref="MissingModalityMetrics.SubsetsToBlank"/>); empty for a model of one modality, without a test split, or when not asked for.</param>
    public sealed record Result(INamedMetrics Metrics, IReadOnlyList<MissingModalityMetrics> Missing);

    /// <summary>Featurizes the task, trains <paramref name="model"/>, evaluates it with <paramref name="evaluator"/> and saves the bundle.</summary>
    /// <param name="missingModalities">Also evaluate the test split with each subset of the model's modalities missing (<see cref="Result.Missing"/>).</param>
    /// <exception cref="InvalidDataException">The data has no training rows, or (regression, MMSA's protocol) no test rows.</exception>
    public static Result Run(MLContext ml, ExperimentTask task, ModelSection model, TaskEvaluator evaluator, string bundlePath, int seed, bool quick,
        IExperimentProgress? progress = null, bool missingModalities = false)
    {
        if (!task.Records.Any(r => r.Split == SplitNames.Train)) throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Train}' split.");
        if (task.Regression && !task.Records.Any(r => r.Split == SplitNames.Test))
            throw new InvalidDataException($"Dataset '{task.Name}' has no rows in the '{SplitNames.Test}' split; MMSA's protocol reports test metrics.");
        bool hasTest = ScoredSplit(task.Records) == SplitNames.Test;

        progress?.Stage(task.Name, "featurizing");
        using var featurized = task.Featurize(ml, progress);
        var runner = new TaskRunner(ml, task, featurized, seed, quick, progress);
        var trained = runner.Train(model, DisplayName(model.Name));
        var rows = hasTest ? featurized.Test : featurized.Train;
        progress?.Stage(task.Name, $"evaluating {trained.Name} on {(rows.GetRowCount() is long n ? $"{n:N0} " : "")}{(hasTest ? "test" : "training")} rows");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var metrics = evaluator.Evaluate(ml, trained.Model.Transform(rows), task, trained);
        progress?.Stage(task.Name, $"evaluated {trained.Name} in {clock.Elapsed.TotalSeconds:F1} s");
        var missing = new List<MissingModalityMetrics>();
        var reads = runner.ReadsOf(model) & task.Available;
        if (missingModalities && hasTest)
            foreach (var blanked in MissingModalityMetrics.SubsetsToBlank(reads))
            {
                progress?.Stage(task.Name, $"evaluating {trained.Name} without {blanked.Describe()}");
                missing.Add(new MissingModalityMetrics(reads & ~blanked, blanked, evaluator.Evaluate(ml, trained.Model.Transform(runner.TestWithout(blanked)), task, trained)));
            }
        runner.Save(trained, bundlePath);
        return new Result(metrics, missing);
    }

    /// <summary>How progress lines and results name a model.</summary>
    public static string DisplayName(string model) => TaskModels.All.FirstOrDefault(m => m.Name.Equals(model, StringComparison.OrdinalIgnoreCase))?.Shape switch
    {
        ModelShape.Aat => "AAT",
        ModelShape.Ote => "OTE",
        ModelShape.Early => "early fusion",
        ModelShape.Late => "late fusion",
        ModelShape.TensorFusion => "tensor fusion head",
        ModelShape.Attention => "cross-modal attention head",
        ModelShape.Composed => "composed model",
        _ => model.ToLowerInvariant(),
    };

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
}
