namespace MsaMl.Pipelines.Experiments;

/// <summary>One row of the ablation table: a model of a task and its test metrics.</summary>
public sealed record ModelResult(
    string Task,
    string Model,
    string Kind,
    double Accuracy,
    double MacroAccuracy,
    double MacroF1,
    double SecondsToTrain,
    long Parameters,
    IReadOnlyList<MsaMl.Trainers.Training.EpochReport>? LearningCurve = null);

/// <summary>Accuracy of a model when one modality is blanked in every test row.</summary>
public sealed record RobustnessResult(string Task, string Model, double Both, double FirstBlanked, double TextBlanked, string FirstModality);

/// <summary>A prediction of the reloaded bundle for one example row.</summary>
public sealed record ExamplePrediction(string Id, string Text, string Truth, string Predicted, IReadOnlyDictionary<string, float> Scores);
