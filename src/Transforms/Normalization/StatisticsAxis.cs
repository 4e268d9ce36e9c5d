namespace MsaMl.Transforms.Normalization;

/// <summary>What one mean and standard deviation of <see cref="GroupStandardizationTransformer"/> covers.</summary>
public enum StatisticsAxis
{
    /// <summary>Each vector element over the group's rows (utterance-level features, such as functionals).</summary>
    Rows,
    /// <summary>
    /// The column's last dimension is time: each index of the other dimensions (for a
    /// [channel, band, frame] spectrogram, each channel and band) over the group's rows and frames.
    /// </summary>
    Frames,
}
