namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A basic-block ResNet (ResNet-18/34) matched from an ONNX graph by <see cref="ResNetGraphMatcher"/>:
/// stem unit, max pooling, blocks, average pooling (kernel 0: global).
/// </summary>
internal sealed record ResNetWeights(ConvUnitWeights Stem, long PoolKernel, long PoolStride, long[] PoolPads, IReadOnlyList<BasicBlockWeights> Blocks, long AverageKernel, long AverageStride)
{
    public long FeatureSize => Blocks.Count > 0 ? Blocks[^1].Second.OutChannels : Stem.OutChannels;
}
