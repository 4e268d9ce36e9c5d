using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Fusion;

/// <summary>
/// Options of a fusion head over two feature columns, each a vector, [steps, features] (e.g. BERT
/// tokens) or [channels, freq, time] (a spectrogram, read as time frames).
/// </summary>
public sealed class FusionHeadOptions : TorchTrainerOptions
{
    public FusionHead Head { get; set; } = FusionHead.CrossModalAttention;

    /// <summary>The modality of <see cref="FirstColumnName"/> (audio or image).</summary>
    public Modalities FirstModality { get; set; } = Modalities.Audio;

    /// <summary>The non-text modality's column (Spectrogram, ImageFeatures, ...).</summary>
    public string FirstColumnName { get; set; } = "Spectrogram";

    /// <summary>The text column (TextTokens or TextEmbedding).</summary>
    public string SecondColumnName { get; set; } = "TextTokens";

    /// <summary>Embedding size per modality (TFN) or the common width (attention).</summary>
    public int Width { get; set; } = 32;

    /// <summary>Attention heads (must divide <see cref="Width"/>).</summary>
    public int Heads { get; set; } = 4;

    public int Hidden { get; set; } = 64;
    public double Dropout { get; set; } = 0.2;
}
