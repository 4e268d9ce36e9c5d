namespace MsaMl.Trainers.Pretrained;

/// <summary>Inference batch normalization as ONNX's BatchNormalization node holds it.</summary>
internal sealed record BatchNormWeights(OnnxTensor Scale, OnnxTensor Bias, OnnxTensor Mean, OnnxTensor Variance, double Epsilon);

/// <summary>
/// A convolution with its optional bias and the batch normalization that may follow it (exports
/// that fold batch norm into the convolution have a bias and no norm). Pads are ONNX's
/// [top, left, bottom, right], which may be asymmetric.
/// </summary>
internal sealed record ConvUnitWeights(OnnxTensor Weight, OnnxTensor? ConvBias, BatchNormWeights? Norm, long Stride, long[] Pads)
{
    public long OutChannels => Weight.Dims[0];

    public long InChannels => Weight.Dims[1];

    public long Kernel => Weight.Dims[2];
}

/// <summary>A basic residual block: two 3x3 units and, when the shape changes, a projection shortcut.</summary>
internal sealed record BasicBlockWeights(ConvUnitWeights First, ConvUnitWeights Second, ConvUnitWeights? Shortcut);

/// <summary>
/// A basic-block ResNet (ResNet-18/34) matched from an ONNX graph by <see cref="ResNetGraphMatcher"/>:
/// stem unit, max pooling, blocks, average pooling (kernel 0: global).
/// </summary>
internal sealed record ResNetWeights(ConvUnitWeights Stem, long PoolKernel, long PoolStride, long[] PoolPads, IReadOnlyList<BasicBlockWeights> Blocks, long AverageKernel, long AverageStride)
{
    public long FeatureSize => Blocks.Count > 0 ? Blocks[^1].Second.OutChannels : Stem.OutChannels;
}

/// <summary>
/// A preprocessing graph of the packaged kind: reorder the channels (Split then Concat, RGB to
/// BGR) and subtract a constant mean image.
/// </summary>
internal sealed record ImagePreprocessWeights(int[] ChannelOrder, OnnxTensor MeanImage);
