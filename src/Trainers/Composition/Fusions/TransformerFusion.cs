using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

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

/// <summary>Modality vectors [batch, d_i] -> tokens -> TransformerEncoderLayer -> mean over tokens [batch, width].</summary>
public sealed class TransformerFusion : nn.Module<Tensor[], Tensor>
{
    private readonly ModuleList<Linear>? projections;
    private readonly Parameter? modalityEmbeddings;
    private readonly TransformerEncoderLayer encoder;

    /// <summary>Paper mode when <paramref name="crossModalDim"/> is null, else cross-modal tokens of that width.</summary>
    public TransformerFusion(IReadOnlyList<long> widths, int? crossModalDim, int heads, int feedForward, double attentionDropout) : base(nameof(TransformerFusion))
    {
        long model = crossModalDim ?? widths.Sum();
        if (crossModalDim is int dim)
        {
            projections = new ModuleList<Linear>(widths.Select(w => nn.Linear(w, dim)).ToArray());
            using (var scope = NewDisposeScope())
                modalityEmbeddings = nn.Parameter(randn(widths.Count, dim).mul(TorchScalars.Of(0.02)).DetachFromDisposeScope());
        }
        encoder = nn.TransformerEncoderLayer(model, heads, feedForward, attentionDropout);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor[] modalities)
    {
        Tensor tokens;  // [seq, batch, width]
        if (projections == null)
            tokens = (modalities.Length == 1 ? modalities[0] : cat(modalities, 1)).unsqueeze(0);
        else
            tokens = stack(modalities.Select((m, i) => projections[i].forward(m).add(modalityEmbeddings![i], TorchScalars.One)).ToArray(), 0);
        return encoder.forward(tokens).mean(new long[] { 0 });
    }
}
