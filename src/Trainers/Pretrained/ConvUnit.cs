using MsaMl.Trainers.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A convolution (explicitly padded first when the graph's pads are asymmetric, as CNTK exports
/// are) followed by batch normalization when the graph has one; the ReLU is the caller's.
/// </summary>
internal sealed class ConvUnit : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2dCounted? norm;
    private readonly long[]? _explicitPad;

    public ConvUnit(ConvUnitWeights weights, string role) : base(nameof(ConvUnit))
    {
        var p = weights.Pads;   // ONNX [top, left, bottom, right]
        bool symmetric = p[0] == p[2] && p[1] == p[3] && p[0] == p[1];
        _explicitPad = symmetric ? null : new[] { p[1], p[3], p[0], p[2] };   // torch pads the last dimension first
        conv = nn.Conv2d(weights.InChannels, weights.OutChannels, weights.Kernel, stride: weights.Stride, padding: symmetric ? p[0] : 0, bias: weights.ConvBias != null);
        if (weights.Norm != null) norm = new BatchNorm2dCounted(weights.OutChannels, weights.Norm.Epsilon);
        RegisterComponents();

        OnnxWeightCopy.Into(conv.weight!, weights.Weight, role + " convolution weight");
        if (weights.ConvBias != null) OnnxWeightCopy.Into(conv.bias!, weights.ConvBias, role + " convolution bias");
        if (weights.Norm is { } bn && norm != null)
        {
            OnnxWeightCopy.Into(norm.get_parameter("weight")!, bn.Scale, role + " batch norm scale");
            OnnxWeightCopy.Into(norm.get_parameter("bias")!, bn.Bias, role + " batch norm bias");
            OnnxWeightCopy.Into(norm.get_buffer("running_mean")!, bn.Mean, role + " batch norm mean");
            OnnxWeightCopy.Into(norm.get_buffer("running_var")!, bn.Variance, role + " batch norm variance");
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = _explicitPad == null ? input : nn.functional.pad(input, _explicitPad);
        x = conv.forward(x);
        if (norm != null) x = norm.forward(x);
        return x.MoveToOuterDisposeScope();
    }
}
