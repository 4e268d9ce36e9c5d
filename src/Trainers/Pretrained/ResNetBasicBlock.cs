using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>relu(second(relu(first(x))) + shortcut(x)), the shortcut being x itself or a projection unit.</summary>
internal sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvUnit first;
    private readonly ConvUnit second;
    private readonly ConvUnit? shortcut;

    public ResNetBasicBlock(BasicBlockWeights weights, string role) : base(nameof(ResNetBasicBlock))
    {
        first = new ConvUnit(weights.First, role + " first");
        second = new ConvUnit(weights.Second, role + " second");
        if (weights.Shortcut != null) shortcut = new ConvUnit(weights.Shortcut, role + " shortcut");
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = second.forward(first.forward(input).relu());
        var identity = shortcut?.forward(input) ?? input;
        return main.add(identity, Training.TorchScalars.One).relu().MoveToOuterDisposeScope();
    }
}
