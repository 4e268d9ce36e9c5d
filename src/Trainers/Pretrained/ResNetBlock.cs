namespace MsaMl.Trainers.Pretrained;

/// <summary>A basic residual block: two 3x3 units and, when the shape changes, a projection shortcut.</summary>
public sealed record ResNetBlock
{
    /// <summary>The first unit (followed by a ReLU).</summary>
    public ResNetUnit First { get; init; } = new();

    /// <summary>The second unit, added to the shortcut.</summary>
    public ResNetUnit Second { get; init; } = new();

    /// <summary>The projection shortcut; null: the block's input is added as it is.</summary>
    public ResNetUnit? Shortcut { get; init; }
}
