using Microsoft.ML;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments;

/// <summary>A trained model of a task: the transformer, the columns it writes, its size and training time.</summary>
public sealed record TrainedModel(string Name, ITransformer Model, string ScoreColumn, string PredictedLabelColumn,
    long Parameters, double SecondsToTrain, IReadOnlyList<EpochReport>? LearningCurve = null);
