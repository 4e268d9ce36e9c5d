namespace MsaMl.Datasets.Speech;

/// <summary>How an acted-speech reader fills <see cref="MultimodalRecord.Split"/>; every protocol keeps each speaker in one split.</summary>
public enum SpeakerSplitProtocol
{
    /// <summary>Fixed speaker lists: the corpus's test and validation speakers (overridable in the options); everyone else trains.</summary>
    FixedSpeakers,

    /// <summary>The split is the speaker id, for leave-one-speaker-out folds (<see cref="SpeakerFolds.LeaveOneSpeakerOut"/>).</summary>
    SpeakerName,
}
