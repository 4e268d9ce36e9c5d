namespace MsaMl.Datasets.Speech;

/// <summary>
/// Options for <see cref="EmoDbReader.Read"/>. Default split: speakers 15 and 16 test, 14
/// validation, the other seven train; <see cref="SpeakerSplitProtocol.SpeakerName"/> gives EmoDB's
/// usual leave-one-speaker-out protocol (<see cref="SpeakerFolds.LeaveOneSpeakerOut"/>).
/// </summary>
public sealed class EmoDbOptions : ActedSpeechOptions
{
}
