using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// A basic-block ResNet (the packaged ResNet-18 of Microsoft.ML.DnnImageFeaturizer.ResNet18, or
/// another ResNet-18/34 ONNX file) in TorchSharp with the file's weights, so it can be fine-tuned:
/// it computes what the ONNX graph computes. Forward takes [batch, 3, height, width] pixels
/// (0-255 RGB when built with the packaged preprocessing graph, which reorders the channels to BGR
/// and subtracts a mean image) and returns [batch, FeatureSize] features (the average pooling's
/// output). Batch normalization is kept as its own layer (BatchNorm2dCounted with the file's
/// running statistics), or taken as a convolution bias when the export folded it.
/// </summary>
public sealed class PretrainedResNet : nn.Module<Tensor, Tensor>
{
    private readonly ImagePreprocess? preprocess;
    private readonly ConvUnit stem;
    private readonly ModuleList<ResNetBasicBlock> blocks;
    private readonly long[] _poolPad;
    private readonly long _poolKernel, _poolStride, _averageKernel, _averageStride;

    private PretrainedResNet(ResNetWeights weights, ImagePreprocessWeights? preprocessWeights) : base(nameof(PretrainedResNet))
    {
        if (preprocessWeights != null) preprocess = new ImagePreprocess(preprocessWeights);
        stem = new ConvUnit(weights.Stem, "stem");
        blocks = nn.ModuleList(weights.Blocks.Select((b, i) => new ResNetBasicBlock(b, $"block {i}")).ToArray());
        var p = weights.PoolPads;
        _poolPad = new[] { p[1], p[3], p[0], p[2] };
        _poolKernel = weights.PoolKernel;
        _poolStride = weights.PoolStride;
        _averageKernel = weights.AverageKernel;
        _averageStride = weights.AverageStride;
        FeatureSize = weights.FeatureSize;
        BlockCount = weights.Blocks.Count;
        RegisterComponents();
    }

    /// <summary>The width of the feature vector (512 for ResNet-18).</summary>
    public long FeatureSize { get; }

    /// <summary>The number of residual blocks (8 for ResNet-18).</summary>
    public int BlockCount { get; }

    /// <summary>Builds the network from a ResNet ONNX file and, optionally, a preprocessing ONNX file of the packaged kind.</summary>
    public static PretrainedResNet FromOnnx(string modelPath, string? preprocessPath = null, OnnxLimits? limits = null) =>
        new(ResNetGraphMatcher.Match(OnnxModelReader.Read(modelPath, limits)),
            preprocessPath == null ? null : ResNetGraphMatcher.MatchPreprocess(OnnxModelReader.Read(preprocessPath, limits)));

    /// <summary>Builds the network from ONNX bytes (<paramref name="source"/> names them in errors).</summary>
    public static PretrainedResNet FromOnnx(byte[] model, string source, OnnxLimits? limits = null) =>
        new(ResNetGraphMatcher.Match(OnnxModelReader.Read(model, source, limits)), null);

    /// <summary>
    /// The packaged ResNet-18 with its preprocessing, from the DnnImageModels folder that the
    /// Microsoft.ML.DnnImageFeaturizer.ResNet18 package copies next to the application.
    /// </summary>
    public static PretrainedResNet PackagedResNet18()
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string model = Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx");
        if (!File.Exists(model))
            throw new FileNotFoundException($"{model}: expected the packaged ResNet-18, which the Microsoft.ML.DnnImageFeaturizer.ResNet18 package copies there; reference that package.", model);
        return FromOnnx(model, Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
    }

    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var x = preprocess?.forward(pixels) ?? pixels;
        x = stem.forward(x).relu();
        // Explicit -inf padding: the graph's pads may be asymmetric, which max_pool2d cannot take.
        x = nn.functional.pad(x, _poolPad, value: double.NegativeInfinity);
        x = nn.functional.max_pool2d(x, new[] { _poolKernel, _poolKernel }, new[] { _poolStride, _poolStride });
        foreach (var block in blocks) x = block.forward(x);
        x = _averageKernel == 0
            ? x.mean(new long[] { 2, 3 })
            : nn.functional.avg_pool2d(x, new[] { _averageKernel, _averageKernel }, new[] { _averageStride, _averageStride }).flatten(1);
        return x.MoveToOuterDisposeScope();
    }
}
