using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>
/// Cross-modal attention over N >= 2 modalities: every input is read as a sequence
/// (<see cref="SequenceView"/>) and projected to <see cref="Width"/>; the steps of each modality attend
/// over the steps of all the others (multi-head attention, padding masked), with a residual and layer
/// norm; the masked means of the attended sequences are concatenated -> [batch, N·Width]. Pair it
/// with <see cref="Encoders.RawFeaturesOptions"/> encoders: the padding mask is read from the raw steps.
/// </summary>
public sealed class CrossModalAttentionOptions : FusionOptions
{
    /// <summary>The common width of the projected sequences.</summary>
    public int Width { get; set; } = 32;

    /// <summary>Attention heads (must divide <see cref="Width"/>).</summary>
    public int Heads { get; set; } = 4;

    /// <summary>Dropout of the attention weights.</summary>
    public double Dropout { get; set; } = 0.2;

    /// <inheritdoc/>
    public override int MinimumInputs => 2;

    /// <inheritdoc/>
    public override FusionModule Create(IReadOnlyList<long> inputWidths) =>
        new(new CrossModalAttention(inputWidths, Width, Heads, Dropout), inputWidths.Count * (long)Width);
}
