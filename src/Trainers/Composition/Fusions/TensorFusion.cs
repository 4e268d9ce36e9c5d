using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>[batch, d_i] for each input -> [batch, prod(d_i + 1)].</summary>
public sealed class TensorFusion : nn.Module<Tensor[], Tensor>
{
    /// <summary>A fusion without parameters.</summary>
    public TensorFusion() : base(nameof(TensorFusion)) { }

    /// <inheritdoc/>
    public override Tensor forward(Tensor[] inputs)
    {
        var fused = WithOne(inputs[0]);
        foreach (var next in inputs.Skip(1))
            fused = (fused.unsqueeze(2) * WithOne(next).unsqueeze(1)).flatten(1);    // [batch, P·(d+1)]
        return fused;
    }

    private static Tensor WithOne(Tensor h) => cat(new[] { h, ones(h.shape[0], 1, dtype: h.dtype, device: h.device) }, 1);
}
