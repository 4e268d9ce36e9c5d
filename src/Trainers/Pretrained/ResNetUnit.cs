namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A convolution of a basic-block ResNet and what follows it: square kernel, stride, ONNX pads
/// [top, left, bottom, right] (CNTK exports pad asymmetrically), a bias when the export folded
/// batch normalization into it, otherwise batch normalization with <see cref="NormEpsilon"/>.
/// </summary>
public sealed record ResNetUnit
{
    /// <summary>Input channels.</summary>
    public int In { get; init; }

    /// <summary>Output channels.</summary>
    public int Out { get; init; }

    /// <summary>The square kernel's side.</summary>
    public int Kernel { get; init; }

    /// <summary>The stride along both axes.</summary>
    public int Stride { get; init; } = 1;

    /// <summary>ONNX pads: top, left, bottom, right.</summary>
    public int[] Pads { get; init; } = new int[4];

    /// <summary>The convolution has a bias (batch normalization folded into it).</summary>
    public bool Bias { get; init; }

    /// <summary>Batch normalization follows the convolution.</summary>
    public bool Norm { get; init; } = true;

    /// <summary>The batch normalization's epsilon.</summary>
    public double NormEpsilon { get; init; } = 1e-5;

    internal static ResNetUnit Of(ConvUnitWeights w) => new()
    {
        In = checked((int)w.InChannels),
        Out = checked((int)w.OutChannels),
        Kernel = checked((int)w.Kernel),
        Stride = checked((int)w.Stride),
        Pads = w.Pads.Select(p => checked((int)p)).ToArray(),
        Bias = w.ConvBias != null,
        Norm = w.Norm != null,
        // Files keep epsilon as float32: its shortest text gives the double written in code (1e-5, not 9.99999975e-6).
        NormEpsilon = w.Norm == null ? 1e-5 : double.Parse(((float)w.Norm.Epsilon).ToString("R", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture),
    };
}
