namespace MsaMl.Datasets.Speech;

/// <summary>The turns of one dialog's transcription, by utterance id, and how many non-utterance lines were skipped.</summary>
internal sealed record Transcription(IReadOnlyDictionary<string, string> TextById, int SkippedNonUtterances);
