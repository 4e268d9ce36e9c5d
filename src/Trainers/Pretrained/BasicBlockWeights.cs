namespace MsaMl.Trainers.Pretrained;

/// <summary>A basic residual block: two 3x3 units and, when the shape changes, a projection shortcut.</summary>
internal sealed record BasicBlockWeights(ConvUnitWeights First, ConvUnitWeights Second, ConvUnitWeights? Shortcut);
