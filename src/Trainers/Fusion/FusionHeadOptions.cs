using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Fusion;

/// <summary>
/// Options of a fusion head over two feature columns (<see cref="FirstColumnName"/>,
/// <see cref="SecondColumnName"/>), or over any number (<see cref="Inputs"/>), each a vector,
/// [steps, features] (e.g. BERT tokens) or [channels, freq, time] (a spectrogram, read as time frames).
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

    /// <summary>
    /// The inputs, one per modality, in input order; empty: the two columns <see cref="FirstColumnName"/>
    /// (of <see cref="FirstModality"/>) and <see cref="SecondColumnName"/> (text). Tensor fusion over
    /// three inputs has TFN's trimodal terms.
    /// </summary>
    public List<FusionHeadInput> Inputs { get; set; } = new();

    /// <summary>Embedding size per modality (TFN) or the common width (attention).</summary>
    public int Width { get; set; } = 32;

    /// <summary>Attention heads (must divide <see cref="Width"/>).</summary>
    public int Heads { get; set; } = 4;

    public int Hidden { get; set; } = 64;
    public double Dropout { get; set; } = 0.2;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        OptionCheck.Positive(Width, nameof(Width));
        OptionCheck.Positive(Heads, nameof(Heads));
        OptionCheck.Require(Head != FusionHead.CrossModalAttention || Width % Heads == 0, nameof(Heads), Heads, $"expected a divisor of Width ({Width})");
        OptionCheck.Positive(Hidden, nameof(Hidden));
        OptionCheck.Dropout(Dropout, nameof(Dropout));
    }
}
