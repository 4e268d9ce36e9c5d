namespace MsaMl.Datasets.Speech;

/// <summary>
/// Options for <see cref="TessReader.Read"/>. TESS has two speakers, so the default split trains
/// on OAF (the older speaker) and tests on YAF, with no validation speaker.
/// </summary>
public sealed class TessOptions : ActedSpeechOptions
{
}
