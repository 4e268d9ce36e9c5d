using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Fusions;

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
