using MsaMl.Trainers.Modules;
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
    private readonly ResNetImageInput? preprocess;
    private readonly ConvUnit stem;
    private readonly ModuleList<ResNetBasicBlock> blocks;
    private readonly long[] _poolPad;
    private readonly long _poolKernel, _poolStride, _averageKernel, _averageStride;

    /// <summary>
    /// A network of <paramref name="architecture"/>'s layout with torch's default initialization, for
    /// weights loaded afterwards (a saved fine-tuned model's, or <see cref="LoadWeights"/>); no
    /// preprocessing, global average pooling.
    /// </summary>
    public PretrainedResNet(ResNetArchitecture architecture) : this(architecture.Validate(), false, 0, 1)
    {
    }

    private PretrainedResNet(ResNetArchitecture architecture, bool withPreprocess, long averageKernel, long averageStride) : base(nameof(PretrainedResNet))
    {
        Architecture = architecture;
        // The packaged preprocessing graph on raw 0-255 pixels: reorder the channels, subtract the mean image.
        if (withPreprocess) preprocess = new ResNetImageInput(architecture, PixelScaling.Raw);
        stem = new ConvUnit(architecture.Stem);
        blocks = nn.ModuleList(architecture.Blocks.Select(b => new ResNetBasicBlock(b)).ToArray());
        var p = architecture.PoolPads;
        _poolPad = new long[] { p[1], p[3], p[0], p[2] };
        _poolKernel = architecture.PoolKernel;
        _poolStride = architecture.PoolStride;
        _averageKernel = averageKernel;
        _averageStride = averageStride;
        FeatureSize = architecture.FeatureSize;
        BlockCount = architecture.Blocks.Length;
        RegisterComponents();
    }

    private PretrainedResNet(ResNetWeights weights, ImagePreprocessWeights? preprocessWeights)
        : this(ResNetArchitecture.Of(weights, preprocessWeights), preprocessWeights != null, weights.AverageKernel, weights.AverageStride)
    {
        LoadWeights(weights);
        preprocess?.LoadMeanImage(preprocessWeights);
    }

    /// <summary>The layout the network was created with (with the preprocessing's mean-image size and channel order when built with one).</summary>
    public ResNetArchitecture Architecture { get; }

    /// <summary>Copies matched weights in; their layout must be this network's.</summary>
    internal void LoadWeights(ResNetWeights weights)
    {
        stem.Load(weights.Stem, "stem");
        for (int i = 0; i < blocks.Count; i++) blocks[i].Load(weights.Blocks[i], $"block {i}");
    }

    /// <summary>The stem's convolution and batch normalization.</summary>
    internal ConvUnit Stem => stem;

    /// <summary>Residual block <paramref name="index"/> (0 = the first, nearest the input).</summary>
    internal ResNetBasicBlock Block(int index) => blocks[index];

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
        var (model, preprocess) = PackagedFiles("PretrainedResNet.PackagedResNet18");
        return FromOnnx(model, preprocess);
    }

    /// <summary>The packaged ResNet-18 and its preprocessing ONNX files; a missing model is an error naming <paramref name="user"/>.</summary>
    internal static (string Model, string Preprocess) PackagedFiles(string user)
    {
        string folder = Path.Combine(AppContext.BaseDirectory, "DnnImageModels");
        string model = Path.Combine(folder, "ResNet18Onnx", "ResNet18.onnx");
        if (!File.Exists(model))
            throw new FileNotFoundException($"{user}: expected the packaged ResNet-18 at {model}, which the Microsoft.ML.DnnImageFeaturizer.ResNet18 package copies there; reference that package.", model);
        return (model, Path.Combine(folder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
    }

    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var x = RunBlocks(RunStem(preprocess?.forward(pixels) ?? pixels), 0, BlockCount);
        x = _averageKernel == 0
            ? x.mean(new long[] { 2, 3 })
            : nn.functional.avg_pool2d(x, new[] { _averageKernel, _averageKernel }, new[] { _averageStride, _averageStride }).flatten(1);
        return x.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// [batch, 3, height, width] network input (already preprocessed) -> [batch, FeatureSize], the
    /// last feature map's average over all positions. Sides that are not a multiple of the total
    /// stride (32) are first padded with zeros at the bottom and right up to one: the packaged
    /// network pads its strided convolutions asymmetrically and its shortcuts would otherwise
    /// disagree with the main path by one position. The stem and the blocks below
    /// <paramref name="firstTrainableBlock"/> run without gradients; -1: everything keeps them.
    /// </summary>
    public Tensor Features(Tensor input, int firstTrainableBlock)
    {
        using var scope = NewDisposeScope();
        long stride = Architecture.TotalStride, height = input.shape[2], width = input.shape[3];
        long padBottom = (stride - height % stride) % stride, padRight = (stride - width % stride) % stride;
        if (padBottom > 0 || padRight > 0) input = nn.functional.pad(input, new[] { 0, padRight, 0, padBottom });
        bool stemFrozen = firstTrainableBlock >= 0;
        int frozenBlocks = stemFrozen ? Math.Min(firstTrainableBlock, BlockCount) : 0;
        Tensor x;
        using (stemFrozen ? no_grad() : null)
            x = RunBlocks(RunStem(input), 0, frozenBlocks);
        x = RunBlocks(x, frozenBlocks, BlockCount);
        return x.mean(new long[] { 2, 3 }).MoveToOuterDisposeScope();
    }

    private Tensor RunStem(Tensor input)
    {
        var x = stem.forward(input).relu();
        // Explicit -inf padding: the graph's pads may be asymmetric, which max_pool2d cannot take.
        x = nn.functional.pad(x, _poolPad, value: double.NegativeInfinity);
        return nn.functional.max_pool2d(x, new[] { _poolKernel, _poolKernel }, new[] { _poolStride, _poolStride });
    }

    private Tensor RunBlocks(Tensor x, int from, int to)
    {
        for (int i = from; i < to; i++) x = blocks[i].forward(x);
        return x;
    }
}
