namespace MsaMl.Experiments;

/// <summary>A prediction of the reloaded bundle for one example row.</summary>
public sealed record ExamplePrediction(string Id, string Text, string Truth, string Predicted, IReadOnlyDictionary<string, float> Scores);
