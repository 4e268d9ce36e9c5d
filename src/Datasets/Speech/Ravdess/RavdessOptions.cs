namespace MsaMl.Datasets.Speech;

/// <summary>
/// Options for <see cref="RavdessReader.Read"/>. Default split: actors 21 to 24 test, 19 and 20
/// validation, 1 to 18 train (each split holds both genders).
/// </summary>
public sealed class RavdessOptions : ActedSpeechOptions
{
    /// <summary>Speech (default), song, or both.</summary>
    public RavdessVocalChannel VocalChannel { get; set; } = RavdessVocalChannel.Speech;
}
