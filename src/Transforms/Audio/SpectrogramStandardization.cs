namespace MsaMl.Transforms.Audio;

/// <summary>How spectrogram channels are standardized.</summary>
public enum SpectrogramStandardization
{
    /// <summary>Values are left as computed.</summary>
    None,
    /// <summary>Each channel of each utterance is scaled to zero mean and unit variance.</summary>
    PerUtterance,
    /// <summary>Each channel is standardized with moments learned from the training data by <c>Fit</c>.</summary>
    Dataset,
}
