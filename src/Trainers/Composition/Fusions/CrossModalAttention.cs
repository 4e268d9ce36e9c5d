using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>Sequences [batch, L_i, d_i] (or tensors <see cref="SequenceView"/> reads as such) -> [batch, N·width].</summary>
public sealed class CrossModalAttention : nn.Module<Tensor[], Tensor>
{
    private readonly ModuleList<Linear> projections;
    // Created last modality first (for two inputs: text over the other modality, then the reverse),
    // the order of the two-modality layout that earlier bundles hold.
    private readonly ModuleList<MultiheadAttention> attentions;
    private readonly ModuleList<LayerNorm> norms;

    /// <summary>Projections of every input to <paramref name="width"/>, one attention and one norm per input.</summary>
    public CrossModalAttention(IReadOnlyList<long> widths, int width, int heads, double dropout) : base(nameof(CrossModalAttention))
    {
        if (widths.Count < 2) throw new ArgumentException($"Cross-modal attention needs at least two inputs; got {widths.Count}.");
        projections = new ModuleList<Linear>(widths.Select(w => nn.Linear(w, width)).ToArray());
        attentions = new ModuleList<MultiheadAttention>(Enumerable.Range(0, widths.Count).Select(_ => nn.MultiheadAttention(width, heads, dropout: dropout)).ToArray());
        norms = new ModuleList<LayerNorm>(widths.Select(_ => nn.LayerNorm(width)).ToArray());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor[] inputs)
    {
        int n = inputs.Length;
        var raw = inputs.Select(SequenceView.Apply).ToArray();
        var masks = raw.Select(SequenceView.PaddingMask).ToArray();
        var projected = raw.Select((r, i) => projections[i].forward(r).transpose(0, 1)).ToArray();  // [L_i, batch, width]
        var means = new Tensor[n];
        for (int i = n - 1; i >= 0; i--)   // last first: the order dropout draws its masks in earlier models
        {
            var others = Enumerable.Range(0, n).Where(j => j != i).ToArray();
            var context = others.Length == 1 ? projected[others[0]] : cat(others.Select(j => projected[j]).ToArray(), 0);
            var contextMask = others.Length == 1 ? masks[others[0]] : cat(others.Select(j => masks[j]).ToArray(), 1);
            var (attended, _) = attentions[n - 1 - i].forward(projected[i], context, context, contextMask, false, null);
            means[i] = MaskedMean(norms[i].forward(projected[i].add(attended, TorchScalars.One)), masks[i]);
        }
        return cat(means, 1);
    }

    private static Tensor MaskedMean(Tensor sequence, Tensor padding)
    {
        var keep = padding.logical_not().transpose(0, 1).unsqueeze(-1).to_type(ScalarType.Float32); // [L, batch, 1]
        return (sequence * keep).sum(dim: 0) / keep.sum(dim: 0).clamp_min(TorchScalars.One);
    }
}
