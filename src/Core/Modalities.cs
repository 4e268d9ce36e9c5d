namespace MsaMl;

/// <summary>
/// The one vocabulary of inputs: a set of named modalities. A dataset says which it has, a model
/// which it reads, and the network has one encoder per modality it reads. Room is left for more
/// modalities (a new flag each).
/// </summary>
[Flags]
public enum Modalities
{
    /// <summary>No modality.</summary>
    None = 0,
    /// <summary>Speech audio (a spectrogram column).</summary>
    Audio = 1,
    /// <summary>Text (BERT token embeddings or a sentence embedding).</summary>
    Text = 2,
    /// <summary>An image (pixels or pretrained features).</summary>
    Image = 4,
    /// <summary>A video's frames (pretrained features of sampled frames).</summary>
    Visual = 8,
}
