using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

/// <summary>The network of a <see cref="ModelComposition"/>: inputs (one per encoder) -> encoders -> fusion -> head.</summary>
public sealed class ComposedNetwork : nn.Module<Tensor[], Tensor>
{
    private readonly TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>> encoders;
    private readonly nn.Module<Tensor[], Tensor> fusion;
    private readonly nn.Module<Tensor, Tensor> head;

    /// <summary>Joins built modules; <paramref name="encoders"/> are in input order.</summary>
    public ComposedNetwork(nn.Module<Tensor, Tensor>[] encoders, nn.Module<Tensor[], Tensor> fusion, nn.Module<Tensor, Tensor> head) : base(nameof(ComposedNetwork))
    {
        this.encoders = new TorchSharp.Modules.ModuleList<nn.Module<Tensor, Tensor>>(encoders);
        this.fusion = fusion;
        this.head = head;
        RegisterComponents();
    }

    /// <summary>One batch per encoder -> outputs [batch, outputs].</summary>
    public override Tensor forward(Tensor[] inputs)
    {
        if (inputs.Length != encoders.Count)
            throw new ArgumentException($"The network has {encoders.Count} encoder(s) but got {inputs.Length} input(s).");
        return head.forward(fusion.forward(inputs.Select((x, i) => encoders[i].forward(x)).ToArray()));
    }
}
