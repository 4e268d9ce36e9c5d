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

/// <summary>Accuracy of a model when one modality is blanked in every test row.</summary>
public sealed record RobustnessResult(string Task, string Model, double Both, double FirstBlanked, double TextBlanked, string FirstModality);

/// <summary>A prediction of the reloaded bundle for one example row.</summary>
public sealed record ExamplePrediction(string Id, string Text, string Truth, string Predicted, IReadOnlyDictionary<string, float> Scores);
