using System.Text.Json;
using System.Text.Json.Serialization;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// The layout of a basic-block ResNet (<see cref="PretrainedResNet"/>) and of the preprocessing its
/// weights expect: enough to create the network without its ONNX file, for example when a saved
/// model re-creates a fine-tuned encoder whose weights (the mean image included) come from the
/// model bundle. <see cref="PackagedResNet18"/> is the Microsoft.ML.DnnImageFeaturizer.ResNet18 one.
/// </summary>
public sealed record ResNetArchitecture
{
    /// <summary>The stem convolution (followed by a ReLU and the max pooling).</summary>
    public ResNetUnit Stem { get; init; } = new();

    /// <summary>The max pooling's square window.</summary>
    public int PoolKernel { get; init; } = 3;

    /// <summary>The max pooling's stride.</summary>
    public int PoolStride { get; init; } = 2;

    /// <summary>The max pooling's ONNX pads (top, left, bottom, right).</summary>
    public int[] PoolPads { get; init; } = { 1, 1, 1, 1 };

    /// <summary>The residual blocks, input first.</summary>
    public ResNetBlock[] Blocks { get; init; } = Array.Empty<ResNetBlock>();

    /// <summary>
    /// Height of the mean image the weights expect subtracted from 0-255 pixels in
    /// <see cref="ChannelOrder"/> (the packaged preprocessing); 0: no mean image, the weights expect
    /// ImageNet-standardized RGB ((x/255 - mean) / std, as torchvision's exports do).
    /// </summary>
    public int MeanImageHeight { get; init; }

    /// <summary>Width of the mean image; 0 when there is none.</summary>
    public int MeanImageWidth { get; init; }

    /// <summary>Which input channel (R = 0, G = 1, B = 2) feeds each network channel: { 2, 1, 0 } for BGR.</summary>
    public int[] ChannelOrder { get; init; } = { 0, 1, 2 };

    /// <summary>True when the weights expect a mean image subtracted from 0-255 pixels.</summary>
    [JsonIgnore]
    public bool HasMeanImage => MeanImageHeight > 0;

    /// <summary>The width of the pooled feature vector (512 for ResNet-18).</summary>
    [JsonIgnore]
    public int FeatureSize => Blocks.Length > 0 ? Blocks[^1].Second.Out : Stem.Out;

    /// <summary>How many input pixels one position of the last feature map steps over (32 for ResNet-18).</summary>
    [JsonIgnore]
    public int TotalStride => Stem.Stride * PoolStride * Blocks.Aggregate(1, (product, b) => product * b.First.Stride);

    /// <summary>
    /// The stage of each block: blocks of one output width form a stage (ResNet-18's 64, 128, 256,
    /// 512), numbered from 0 at the input.
    /// </summary>
    public int[] StageOfBlocks()
    {
        var stages = new int[Blocks.Length];
        for (int i = 1; i < Blocks.Length; i++)
            stages[i] = stages[i - 1] + (Blocks[i].Second.Out != Blocks[i - 1].Second.Out ? 1 : 0);
        return stages;
    }

    /// <summary>The number of stages (4 for ResNet-18).</summary>
    [JsonIgnore]
    public int StageCount => Blocks.Length == 0 ? 0 : StageOfBlocks()[^1] + 1;

    /// <summary>
    /// The packaged ResNet-18 (a CNTK export: 2 + 2 + 2 + 3 basic blocks of 64, 128, 256 and 512
    /// channels, batch normalization after every convolution, asymmetric pads (top and left) at the strided ones)
    /// with its preprocessing (BGR, a 224x224 mean image).
    /// </summary>
    public static ResNetArchitecture PackagedResNet18 { get; } = Packaged();

    private static ResNetArchitecture Packaged()
    {
        var blocks = new List<ResNetBlock>();
        int channels = 64;
        foreach (var (width, count) in new[] { (64, 2), (128, 2), (256, 2), (512, 3) })
            for (int i = 0; i < count; i++)
            {
                bool strided = i == 0 && width != channels;
                int[] pads = strided ? new[] { 1, 1, 0, 0 } : new[] { 1, 1, 1, 1 };
                blocks.Add(new ResNetBlock
                {
                    First = new ResNetUnit { In = channels, Out = width, Kernel = 3, Stride = strided ? 2 : 1, Pads = pads },
                    Second = new ResNetUnit { In = width, Out = width, Kernel = 3, Pads = new[] { 1, 1, 1, 1 } },
                    Shortcut = strided ? new ResNetUnit { In = channels, Out = width, Kernel = 1, Stride = 2 } : null,
                });
                channels = width;
            }
        return new ResNetArchitecture
        {
            Stem = new ResNetUnit { In = 3, Out = 64, Kernel = 7, Stride = 2, Pads = new[] { 3, 3, 2, 2 } },
            PoolPads = new[] { 1, 1, 0, 0 },
            Blocks = blocks.ToArray(),
            MeanImageHeight = 224,
            MeanImageWidth = 224,
            ChannelOrder = new[] { 2, 1, 0 },
        };
    }

    /// <summary>The layout of matched weights and, when given, of the packaged kind of preprocessing.</summary>
    internal static ResNetArchitecture Of(ResNetWeights weights, ImagePreprocessWeights? preprocess) => new()
    {
        Stem = ResNetUnit.Of(weights.Stem),
        PoolKernel = checked((int)weights.PoolKernel),
        PoolStride = checked((int)weights.PoolStride),
        PoolPads = weights.PoolPads.Select(p => checked((int)p)).ToArray(),
        Blocks = weights.Blocks.Select(b => new ResNetBlock
        {
            First = ResNetUnit.Of(b.First),
            Second = ResNetUnit.Of(b.Second),
            Shortcut = b.Shortcut == null ? null : ResNetUnit.Of(b.Shortcut),
        }).ToArray(),
        MeanImageHeight = preprocess == null ? 0 : checked((int)preprocess.MeanImage.Dims[2]),
        MeanImageWidth = preprocess == null ? 0 : checked((int)preprocess.MeanImage.Dims[3]),
        ChannelOrder = preprocess?.ChannelOrder.ToArray() ?? new[] { 0, 1, 2 },
    };

    /// <summary>Checks the layout; returns it. <paramref name="owner"/> names the options in errors.</summary>
    /// <exception cref="ArgumentException">No blocks, channels that do not chain, or sizes out of range.</exception>
    public ResNetArchitecture Validate(string owner = nameof(ResNetArchitecture))
    {
        if (Stem == null || Blocks == null || Blocks.Length == 0 || Blocks.Any(b => b?.First == null || b.Second == null))
            throw new ArgumentException($"{owner}.Blocks must list the residual blocks, and Stem the stem convolution.", nameof(Blocks));
        if (Stem.In != 3) throw new ArgumentException($"{owner}.Stem.In must be 3 (RGB), got {Stem.In}.", nameof(Stem));
        int channels = Stem.Out;
        var units = new List<(string Role, ResNetUnit Unit, int In)> { ("Stem", Stem, 3) };
        for (int i = 0; i < Blocks.Length; i++)
        {
            var b = Blocks[i];
            units.Add(($"Blocks[{i}].First", b.First, channels));
            units.Add(($"Blocks[{i}].Second", b.Second, b.First.Out));
            if (b.Shortcut != null) units.Add(($"Blocks[{i}].Shortcut", b.Shortcut, channels));
            else if (b.Second.Out != channels)
                throw new ArgumentException($"{owner}.Blocks[{i}] changes the width from {channels} to {b.Second.Out} without a Shortcut.", nameof(Blocks));
            channels = b.Second.Out;
        }
        foreach (var (role, unit, inChannels) in units)
        {
            if (unit.In != inChannels || unit.Out < 1 || unit.Out > 65536 || unit.Kernel < 1 || unit.Kernel > 15 || unit.Stride < 1 || unit.Stride > 8)
                throw new ArgumentException($"{owner}.{role}: expected {inChannels} input channels, 1 to 65536 outputs, a kernel of 1 to 15 and a stride of 1 to 8; got {unit.In} -> {unit.Out}, kernel {unit.Kernel}, stride {unit.Stride}.", nameof(Blocks));
            if (unit.Pads is not { Length: 4 } || unit.Pads.Any(p => p < 0 || p >= unit.Kernel + 1))
                throw new ArgumentException($"{owner}.{role}.Pads must be four pads (top, left, bottom, right) of 0 to the kernel size.", nameof(Blocks));
            if (!unit.Bias && !unit.Norm) throw new ArgumentException($"{owner}.{role} needs a Bias or a Norm.", nameof(Blocks));
            if (unit.Norm && !(unit.NormEpsilon > 0 && unit.NormEpsilon < 1)) throw new ArgumentException($"{owner}.{role}.NormEpsilon must be in (0, 1), got {unit.NormEpsilon}.", nameof(Blocks));
        }
        if (PoolKernel < 1 || PoolStride < 1 || PoolPads is not { Length: 4 } || PoolPads.Any(p => p < 0 || p >= PoolKernel))
            throw new ArgumentException($"{owner}.PoolKernel, PoolStride and PoolPads must describe a max pooling window (kernel and stride 1 or more, four pads below the kernel).", nameof(PoolKernel));
        if (MeanImageHeight < 0 || MeanImageWidth < 0 || (MeanImageHeight == 0) != (MeanImageWidth == 0) || MeanImageHeight > 4096 || MeanImageWidth > 4096)
            throw new ArgumentException($"{owner}.MeanImageHeight and MeanImageWidth must both be 0 (no mean image) or both 1 to 4096, got {MeanImageHeight}x{MeanImageWidth}.", nameof(MeanImageHeight));
        if (ChannelOrder is not { Length: 3 } || !ChannelOrder.Order().SequenceEqual(new[] { 0, 1, 2 }))
            throw new ArgumentException($"{owner}.ChannelOrder must order the channels 0, 1, 2 (for example 2, 1, 0 for BGR).", nameof(ChannelOrder));
        return this;
    }

    /// <summary>The first difference from <paramref name="other"/> as "this, other's" JSON, or null when the layouts are the same.</summary>
    internal string? FirstDifference(ResNetArchitecture other)
    {
        string mine = JsonSerializer.Serialize(this), theirs = JsonSerializer.Serialize(other);
        if (mine == theirs) return null;
        int at = 0;
        while (at < Math.Min(mine.Length, theirs.Length) && mine[at] == theirs[at]) at++;
        int start = Math.Max(0, at - 40);
        string Around(string s) => s[start..Math.Min(s.Length, at + 40)];
        return $"...{Around(mine)}..., ...{Around(theirs)}...";
    }
}
