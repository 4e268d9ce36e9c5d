using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments;

/// <summary>One row of the ablation table: a model of a task, its test metrics, training time and size.</summary>
public sealed record ModelResult(
    string Task,
    string Model,
    string Kind,
    ClassificationMetrics Metrics,
    double SecondsToTrain,
    long Parameters,
    IReadOnlyList<EpochReport>? LearningCurve = null)
{
    public double Accuracy => Metrics.WeightedAccuracy;
    public double MacroAccuracy => Metrics.UnweightedAccuracy;
    public double MacroF1 => Metrics.MacroF1;

    /// <summary>Scoring cost on the test split (set by the demo).</summary>
    public ComplexityRow? Complexity { get; init; }
}
