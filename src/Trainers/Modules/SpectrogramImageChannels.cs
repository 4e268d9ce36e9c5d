namespace MsaMl.Trainers.Modules;

/// <summary>Which spectrogram channels become the three image channels of an ImageNet network.</summary>
public enum SpectrogramImageChannels
{
    /// <summary>
    /// The first channel (the log spectrogram itself) copied into all three: a gray image, the input
    /// every pretrained stem filter responds to as it learned on photographs.
    /// </summary>
    Replicate,
    /// <summary>The column's three channels as they are (log spectrogram, delta, delta-delta with the LogSpectrogram transform's Deltas).</summary>
    Column,
}
