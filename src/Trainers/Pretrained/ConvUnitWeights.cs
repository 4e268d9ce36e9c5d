namespace MsaMl.Trainers.Pretrained;

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
