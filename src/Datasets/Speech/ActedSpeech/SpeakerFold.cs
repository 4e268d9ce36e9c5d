namespace MsaMl.Datasets.Speech;

/// <summary>One leave-one-speaker-out fold: the held-out speaker's rows are the test set.</summary>
public sealed record SpeakerFold(string Speaker, IReadOnlyList<ActedSpeechRecord> Train, IReadOnlyList<ActedSpeechRecord> Test);
