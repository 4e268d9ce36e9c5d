namespace MsaMl.Transforms.Core;

/// <summary>One input value of a batch: the text (or path) and the row it came from.</summary>
public readonly record struct FeaturizerInput(string Value, long Row);
