namespace MsaMl.Datasets.Speech;

/// <summary>What IEMOCAP's reader writes into <see cref="MultimodalRecord.Split"/>.</summary>
public enum IemocapSplitProtocol
{
    /// <summary>
    /// The session name, <c>Session1</c> to <c>Session5</c>; use
    /// <see cref="IemocapReader.LeaveOneSessionOutFolds"/> for the 5-fold protocol.
    /// </summary>
    SessionName,

    /// <summary>Session 5 is <c>test</c>, <see cref="IemocapOptions.ValidationSession"/> (if set) is <c>validation</c>, the rest <c>train</c>.</summary>
    Session5Test,
}
