namespace MsaMl.Datasets.Speech;

/// <summary>An utterance's first line in an EmoEvaluation file, with the 1-based line it came from.</summary>
internal sealed record EvaluatedUtterance(
    string Id, string Label, float Valence, float Arousal, float Dominance, float Start, float End, int Line);
