namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>
/// OTE's fusion: a TransformerEncoderLayer over modality tokens, mean-pooled. Paper mode
/// (<see cref="CrossModal"/> false) feeds the concatenation as one token (attention is then an identity
/// mix); cross-modal mode projects each modality to <see cref="CrossModalDim"/> and feeds them as
/// separate tokens with learned modality embeddings, so attention crosses modalities.
/// </summary>
public sealed class TransformerFusionOptions : FusionOptions
{
    /// <summary>Modalities as separate tokens of a common width instead of one concatenated token.</summary>
    public bool CrossModal { get; set; }

    /// <summary>Token width of cross-modal mode.</summary>
    public int CrossModalDim { get; set; } = 64;

    /// <summary>Attention heads (must divide the token width).</summary>
    public int Heads { get; set; } = 4;

    /// <summary>Width of the encoder layer's feed-forward block.</summary>
    public int FeedForwardDim { get; set; } = 2048;

    /// <summary>Dropout inside the encoder layer.</summary>
    public double AttentionDropout { get; set; } = 0.1;

    /// <inheritdoc/>
    public override FusionModule Create(IReadOnlyList<long> inputWidths)
    {
        long model = CrossModal ? CrossModalDim : inputWidths.Sum();
        if (model % Heads != 0)
            throw new ArgumentException($"The fusion width {model} must be divisible by the number of heads {Heads}.");
        return new(new TransformerFusion(inputWidths, CrossModal ? CrossModalDim : null, Heads, FeedForwardDim, AttentionDropout), model);
    }
}
