using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Fusion;
using MsaMl.Datasets;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments;

/// <summary>
/// Trains and evaluates the models of one task on its featurized splits: the one path that the
/// demo, <c>msa train</c>, multi-seed and cross-validation runs and MMSA's protocol share. Every
/// model choice is built here from the task's factories; nothing here knows who called it.
/// </summary>
public sealed class TaskRunner
{
    private readonly MLContext _ml;
    private readonly IExperimentProgress? _progress;
    private readonly TaskModelBuilder _builder;

    public TaskRunner(MLContext ml, ExperimentTask task, FeaturizedSplits features, int seed, bool quick = false, IExperimentProgress? progress = null)
    {
        _ml = ml;
        _builder = new TaskModelBuilder(ml, task, seed, quick);
        Task = task;
        Features = features;
        _progress = progress;
    }

    public ExperimentTask Task { get; }

    /// <summary>The task's splits, featurized once.</summary>
    public FeaturizedSplits Features { get; }

    /// <summary>
    /// Trains the model a configuration's <c>model</c> section describes on the training split
    /// (early stopping on the validation split). Late fusion trains its members first; see
    /// <see cref="LateFusion"/> to fuse members already trained.
    /// </summary>
    /// <param name="model">The model section.</param>
    /// <param name="name">The model's name in progress lines and results.</param>
    /// <param name="score">The score column the model writes.</param>
    /// <param name="predicted">The predicted-label column the model writes (classification).</param>
    /// <exception cref="InvalidDataException">The model reads a modality the task's data lacks; the message names both sets.</exception>
    public TrainedModel Train(ModelSection model, string name, string score = "Score", string predicted = "PredictedLabel")
    {
        var named = TaskModels.Parse(model.Name, Task.Declared);
        var reads = ReadsOf(model);
        if ((reads & ~Task.Available) != Modalities.None)
            throw new InvalidDataException($"Model '{name}' reads {reads.Describe()}, but dataset '{Task.Name}' has {Task.Available.Describe()} " +
                $"(missing: {(reads & ~Task.Available).Describe()}); only models of {Task.Available.Describe()} can be trained on it.");
        if (named.Shape == ModelShape.Late)
        {
            var members = reads.Members().Select(m => Train(MemberOf(model, m), m.Describe(), LateMemberScore.Of(m), $"Predicted{m}")).ToList();
            return LateFusion(members, name);
        }
        if (model.Pooled is { } pooled)
        {
            var estimator = _builder.Pooled(pooled, reads);
            // ML.NET's trainers write Score and PredictedLabel; a late-fusion member's columns are copies of them.
            if (score != "Score") estimator = estimator.Append(_ml.Transforms.CopyColumns(score, "Score"));
            if (predicted != "PredictedLabel" && !Task.Regression) estimator = estimator.Append(_ml.Transforms.CopyColumns(predicted, "PredictedLabel"));
            return TrainPooled(estimator, name) with { ScoreColumn = score, PredictedLabelColumn = predicted };
        }
        return TrainTorch(_builder.Torch(model, reads, score, predicted), name);
    }

    /// <summary>The modalities a model section reads on this task: its encoders' for a composition, else the named model's (<see cref="TaskModels.Reads"/>).</summary>
    public Modalities ReadsOf(ModelSection model)
    {
        var named = TaskModels.Parse(model.Name, Task.Declared);
        return model.Options is ComposedOptions composed ? TaskModelBuilder.ReadsOf(composed) : TaskModels.Reads(named, Task.Declared, model.Modalities);
    }

    private static ModelSection MemberOf(ModelSection late, Modalities modality) =>
        late.Members?.FirstOrDefault(m => TaskModels.All.FirstOrDefault(n => n.Name == m.Name)?.Fixed == modality)
        ?? throw new InvalidDataException($"Late fusion over {modality.Describe()} needs a member model of it (model.members: a single-modality model, {TaskModels.Single(modality).Name}).");

    /// <summary>The average of members each trained with their own score column (<see cref="LateMemberScore"/>); their time and parameters are added up.</summary>
    public TrainedModel LateFusion(IReadOnlyList<TrainedModel> members, string name)
    {
        var chain = new TransformerChain<ITransformer>(members.Select(m => m.Model).Append(LateFusionOf(members)).ToArray());
        return new TrainedModel(name, chain, "Score", "PredictedLabel", members.Sum(m => m.Parameters), members.Sum(m => m.SecondsToTrain));
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

    /// <summary>
    /// The test split featurized again with the inputs of <paramref name="missing"/> empty in every
    /// row, as a scoring app without them would give it; written to the splits' feature cache
    /// (deleted with them).
    /// </summary>
    public IDataView TestWithout(Modalities missing)
    {
        var cache = Features.Cache ?? throw new InvalidOperationException($"Task '{Task.Name}': the featurized splits have no feature cache.");
        var rows = Task.MapLabels(Task.Split(_ml, SplitNames.Test, missing));
        string name = $"{SplitNames.Test}-without-{string.Join("-", missing.Members()).ToLowerInvariant()}";
        return cache.Save(Features.Featurizer.Transform(rows), name);
    }

    /// <summary>Saves the fitted featurizer followed by <paramref name="model"/> as a bundle that scores raw rows.</summary>
    public void Save(TrainedModel model, string bundlePath)
    {
        _progress?.Stage(Task.Name, $"saving {bundlePath}");
        _ml.Msa().Model.Save(new TransformerChain<ITransformer>(Features.Featurizer, model.Model), Features.InputSchema, bundlePath);
    }

    /// <summary>The late-fusion stage over members' score columns; a member whose modality's input is empty in a row is left out of it.</summary>
    private LateFusionTransformer LateFusionOf(IReadOnlyList<TrainedModel> members)
    {
        var options = new LateFusionOptions();
        foreach (var member in members)
        {
            var modality = LateMemberScore.ModalityOf(member.ScoreColumn);
            options.Members.Add(new LateFusionMember { Name = member.Name, ScoreColumnName = member.ScoreColumn, PresenceColumnName = Task.InputOf(modality).ScoringColumn });
        }
        return new LateFusionTransformer(options);
    }

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
