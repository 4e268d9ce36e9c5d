using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>[batch, d_i] for each input -> [batch, sum d_i].</summary>
public sealed class ConcatFusion : nn.Module<Tensor[], Tensor>
{
    /// <summary>A fusion without parameters.</summary>
    public ConcatFusion() : base(nameof(ConcatFusion)) { }

    /// <inheritdoc/>
    public override Tensor forward(Tensor[] inputs) => inputs.Length == 1 ? inputs[0] : cat(inputs, 1);
}
