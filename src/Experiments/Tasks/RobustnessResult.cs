namespace MsaMl.Experiments;

/// <summary>Accuracy of a model when one modality is blanked in every test row.</summary>
public sealed record RobustnessResult(string Task, string Model, double Both, double FirstBlanked, double TextBlanked, string FirstModality);
