using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>relu(second(relu(first(x))) + shortcut(x)), the shortcut being x itself or a projection unit.</summary>
internal sealed class ResNetBasicBlock : nn.Module<Tensor, Tensor>
{
    private readonly ConvUnit first;
    private readonly ConvUnit second;
    private readonly ConvUnit? shortcut;

    public ResNetBasicBlock(ResNetBlock block) : base(nameof(ResNetBasicBlock))
    {
        first = new ConvUnit(block.First);
        second = new ConvUnit(block.Second);
        if (block.Shortcut != null) shortcut = new ConvUnit(block.Shortcut);
        RegisterComponents();
    }

    /// <summary>The block's units: first, second and the shortcut when it has one.</summary>
    public IEnumerable<ConvUnit> Units() => shortcut == null ? new[] { first, second } : new[] { first, second, shortcut };

    /// <summary>Copies matched weights in; their layout must be this block's.</summary>
    public void Load(BasicBlockWeights weights, string role)
    {
        first.Load(weights.First, role + " first");
        second.Load(weights.Second, role + " second");
        if (weights.Shortcut != null && shortcut != null) shortcut.Load(weights.Shortcut, role + " shortcut");
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var main = second.forward(first.forward(input).relu());
        var identity = shortcut?.forward(input) ?? input;
        return main.add(identity, Training.TorchScalars.One).relu().MoveToOuterDisposeScope();
    }
}
