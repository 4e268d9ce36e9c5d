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

    /// <summary>A unit of <paramref name="unit"/>'s layout with torch's default initialization.</summary>
    public ConvUnit(ResNetUnit unit) : base(nameof(ConvUnit))
    {
        var p = unit.Pads;   // ONNX [top, left, bottom, right]
        bool symmetric = p[0] == p[2] && p[1] == p[3] && p[0] == p[1];
        _explicitPad = symmetric ? null : new long[] { p[1], p[3], p[0], p[2] };   // torch pads the last dimension first
        conv = nn.Conv2d(unit.In, unit.Out, unit.Kernel, stride: unit.Stride, padding: symmetric ? p[0] : 0, bias: unit.Bias);
        if (unit.Norm) norm = new BatchNorm2dCounted(unit.Out, unit.NormEpsilon);
        RegisterComponents();
    }

    /// <summary>The batch normalization, when the unit has one.</summary>
    public BatchNorm2dCounted? Norm => norm;

    /// <summary>Copies matched weights in; their layout must be this unit's.</summary>
    public void Load(ConvUnitWeights weights, string role)
    {
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
