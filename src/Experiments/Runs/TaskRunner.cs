using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Fusion;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments;

/// <summary>A trained model of a task: the transformer, the columns it writes, its size and training time.</summary>
public sealed record TrainedModel(string Name, ITransformer Model, string ScoreColumn, string PredictedLabelColumn,
    long Parameters, double SecondsToTrain, IReadOnlyList<EpochReport>? LearningCurve = null);

/// <summary>
/// Trains and evaluates the models of one task on its featurized splits: the one path that the
/// demo, <c>msa train</c>, multi-seed and cross-validation runs and MMSA's protocol share. Every
/// model choice is built here from the task's factories; nothing here knows who called it.
/// </summary>
public sealed class TaskRunner
{
    private readonly MLContext _ml;
    private readonly IExperimentProgress? _progress;

    public TaskRunner(MLContext ml, ExperimentTask task, FeaturizedSplits features, IExperimentProgress? progress = null)
    {
        _ml = ml;
        Task = task;
        Features = features;
        _progress = progress;
    }

    public ExperimentTask Task { get; }

    /// <summary>The task's splits, featurized once.</summary>
    public FeaturizedSplits Features { get; }

    /// <summary>
    /// Trains one model choice on the training split (early stopping on the validation split).
    /// Late fusion trains the two single-modality members first; see <see cref="LateFusion"/> to
    /// fuse members already trained.
    /// </summary>
    /// <param name="choice">Which model.</param>
    /// <param name="name">The model's name in progress lines and results.</param>
    /// <param name="score">The score column the model writes.</param>
    /// <param name="predicted">The predicted-label column the model writes (classification).</param>
    /// <exception cref="InvalidDataException">The model reads a modality the task's data lacks; the message names both sets.</exception>
    public TrainedModel Train(ModelChoice choice, string name, string score = "Score", string predicted = "PredictedLabel")
    {
        var reads = TaskModels.Reads(choice, Task.First);
        if ((reads & ~Task.Available) != Modalities.None)
            throw new InvalidDataException($"Model '{name}' reads {reads.Describe()}, but dataset '{Task.Name}' has {Task.Available.Describe()} " +
                $"(missing: {(reads & ~Task.Available).Describe()}); only models of {Task.Available.Describe()} can be trained on it.");
        switch (choice)
        {
            case ModelChoice.Early:
                return TrainPooled(Task.Regression
                    ? MsaPipelines.EarlyFusionRegression(_ml, Task.EarlyFusionColumns, labelColumn: Task.LabelColumn)
                    : Task.PooledModel?.Invoke(Task.EarlyFusionColumns) ?? MsaPipelines.EarlyFusion(_ml, Task.EarlyFusionColumns), name);
            case ModelChoice.First or ModelChoice.Text when Task.PooledModel is { } pooled:
                var estimator = pooled(choice == ModelChoice.Text ? ["TextEmbedding"] : Task.FirstPooledColumns is { Length: > 0 } columns ? columns : [Task.EarlyFusionColumns[0]]);
                // ML.NET's trainers write Score and PredictedLabel; a late-fusion member's columns are copies of them.
                if (score != "Score") estimator = estimator.Append(_ml.Transforms.CopyColumns(score, "Score"));
                if (predicted != "PredictedLabel") estimator = estimator.Append(_ml.Transforms.CopyColumns(predicted, "PredictedLabel"));
                var trained = TrainPooled(estimator, name);
                return trained with { ScoreColumn = score, PredictedLabelColumn = predicted };
            case ModelChoice.Late:
                var first = Train(ModelChoice.First, Task.FirstModality, LateMemberScore.First, "PredictedFirst");
                var text = Train(ModelChoice.Text, "text", LateMemberScore.Text, "PredictedText");
                return LateFusion(first, text, name);
            case ModelChoice.TensorFusion:
            case ModelChoice.Attention:
                var head = choice == ModelChoice.TensorFusion ? FusionHead.TensorFusion : FusionHead.CrossModalAttention;
                return TrainTorch(Task.HeadModel(head, score, predicted), name);
            default:
                return TrainTorch(Task.Model(reads, score, predicted), name);
        }
    }

    /// <summary>
    /// The average of a first-modality and a text model, each trained with
    /// <see cref="LateMemberScore"/>'s columns; the members' time and parameters are added up.
    /// </summary>
    public TrainedModel LateFusion(TrainedModel first, TrainedModel text, string name)
    {
        var chain = new TransformerChain<ITransformer>(first.Model, text.Model, LateFusionOf(Task));
        return new TrainedModel(name, chain, "Score", "PredictedLabel", first.Parameters + text.Parameters, first.SecondsToTrain + text.SecondsToTrain);
    }

    /// <summary>A classification model's metrics on the test split (or on <paramref name="data"/>).</summary>
    /// <param name="model">The trained model.</param>
    /// <param name="kind">The row's kind in reports ("first", "text", "both", "head", "early", "late").</param>
    /// <param name="data">Featurized rows to score; the test split when null.</param>
    public ModelResult Evaluate(TrainedModel model, string kind, IDataView? data = null)
    {
        var rows = data ?? Features.Test;
        _progress?.Stage(Task.Name, $"evaluating {model.Name} on {(rows.GetRowCount() is long n ? $"{n:N0} " : "")}{(data == null ? "test " : "")}rows");
        var clock = Stopwatch.StartNew();
        var scored = model.Model.Transform(rows);
        var metrics = _ml.Msa().Evaluation.EvaluateClassification(scored, "Label", model.ScoreColumn, model.PredictedLabelColumn);
        _progress?.Stage(Task.Name, $"evaluated {model.Name} in {clock.Elapsed.TotalSeconds:F1} s");
        return new ModelResult(Task.Name, model.Name, kind, metrics, model.SecondsToTrain, model.Parameters, model.LearningCurve);
    }

    /// <summary>Saves the fitted featurizer followed by <paramref name="model"/> as a bundle that scores raw rows.</summary>
    public void Save(TrainedModel model, string bundlePath)
    {
        _progress?.Stage(Task.Name, $"saving {bundlePath}");
        _ml.Msa().Model.Save(new TransformerChain<ITransformer>(Features.Featurizer, model.Model), Features.InputSchema, bundlePath);
    }

    /// <summary>The late-fusion stage over a task's two members' score columns.</summary>
    public static LateFusionTransformer LateFusionOf(ExperimentTask task) =>
        new(new LateFusionOptions
        {
            Members =
            {
                new LateFusionMember { Name = task.FirstModality, ScoreColumnName = LateMemberScore.First, PresenceColumnName = task.FirstPathColumn },
                new LateFusionMember { Name = "text", ScoreColumnName = LateMemberScore.Text, PresenceColumnName = "Text" },
            },
        });

    private TrainedModel TrainPooled(IEstimator<ITransformer> estimator, string name)
    {
        _progress?.Stage(Task.Name, $"training {name}");
        var clock = Stopwatch.StartNew();
        var model = estimator.Fit(Features.Train);
        return new TrainedModel(name, model, "Score", "PredictedLabel", 0, clock.Elapsed.TotalSeconds);
    }

    private TrainedModel TrainTorch(IEstimator<ITransformer> estimator, string name)
    {
        _progress?.Stage(Task.Name, $"training {name}");
        var trainer = (ITorchTrainer)estimator;
        if (_progress != null) trainer.Progress = new EpochProgress(report => _progress.Epoch(Task.Name, name, report));
        trainer.BatchProgress = _progress?.Batches(Task.Name, name);
        if (_progress != null) trainer.StageProgress = new StageLines(line => _progress.Stage(Task.Name, $"{name}: {line}"));
        var clock = Stopwatch.StartNew();
        var model = trainer.Fit(Features.Train, Features.Validation);
        return new TrainedModel(name, model, model.Spec.ScoreColumn, model.Spec.PredictedLabelColumn, model.ParameterCount,
            clock.Elapsed.TotalSeconds, trainer.LastReport?.Epochs);
    }

    private sealed class EpochProgress(Action<EpochReport> report) : IProgress<EpochReport>
    {
        public void Report(EpochReport value) => report(value);
    }

    private sealed class StageLines(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}

/// <summary>The score columns late fusion reads: each single-modality member writes its own.</summary>
public static class LateMemberScore
{
    /// <summary>The first (audio or image) member's score column.</summary>
    public const string First = "ScoreFirst";

    /// <summary>The text member's score column.</summary>
    public const string Text = "ScoreText";
}
