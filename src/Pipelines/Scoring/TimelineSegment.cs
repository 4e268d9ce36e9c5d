namespace MsaMl.Pipelines.Scoring;

/// <summary>
/// One scored segment of a long recording: start and end in seconds, and either the predicted
/// label with every class's probability (a classifier) or the sentiment intensity (a regression bundle).
/// </summary>
public sealed record TimelineSegment(double StartSeconds, double EndSeconds, string? Label, IReadOnlyDictionary<string, float> Probabilities, float? Intensity);
