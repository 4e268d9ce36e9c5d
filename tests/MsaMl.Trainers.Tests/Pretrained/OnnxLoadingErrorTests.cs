using MsaMl.Trainers.Pretrained;
using static MsaMl.Trainers.Tests.Pretrained.OnnxBytes;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>The ONNX reader and the graph matchers refuse what does not fit with one line naming the file and the tensor, node or field.</summary>
public sealed class OnnxLoadingErrorTests
{
    /// <summary>input_ids -> word and position lookups -> Add -> LayerNormalization, with these LayerNorm scale dims.</summary>
    private static byte[] TinyEmbeddings(long scaleWidth) => Model(Graph(
        new[]
        {
            Node("Gather", new[] { "word.weight", "input_ids" }, new[] { "words" }),
            Node("Gather", new[] { "position.weight", "position_ids" }, new[] { "positions" }),
            Node("Add", new[] { "words", "positions" }, new[] { "sum" }),
            Node("LayerNormalization", new[] { "sum", "norm.weight", "norm.bias" }, new[] { "normed" }, FloatAttribute("epsilon", 1e-12f)),
        },
        new[]
        {
            FloatTensor("word.weight", new long[] { 10, 4 }),
            FloatTensor("position.weight", new long[] { 8, 4 }),
            FloatTensor("norm.weight", new[] { scaleWidth }),
            FloatTensor("norm.bias", new long[] { 4 }),
        },
        new[] { "input_ids", "position_ids" },
        new[] { "normed" }));

    [Fact]
    public void ReadsNodesInitializersInputsAndOutputs()
    {
        var graph = OnnxModelReader.Read(TinyEmbeddings(4), "tiny.onnx");
        Assert.Equal(new[] { "Gather", "Gather", "Add", "LayerNormalization" }, graph.Nodes.Select(n => n.OpType));
        Assert.Equal(new long[] { 10, 4 }, graph.Initializers["word.weight"].Dims);
        Assert.Equal(40, graph.Initializers["word.weight"].ToFloats().Length);
        Assert.Equal(1e-12f, graph.Nodes[3].Attribute("epsilon")!.Float);
        Assert.Equal(new[] { "input_ids", "position_ids" }, graph.Inputs);
        Assert.Equal(new[] { "normed" }, graph.Outputs);
    }

    [Fact]
    public void AGraphThatDoesNotFitNamesTheTensor()
    {
        var error = Assert.Throws<InvalidDataException>(() => PretrainedBertEncoder.FromOnnx(TinyEmbeddings(5), "tiny.onnx"));
        Assert.Equal("tiny.onnx: tensor 'norm.weight' (embedding LayerNorm scale) has shape [5]; expected [4].", error.Message);
    }

    [Fact]
    public void AGraphWithoutLayersIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => PretrainedBertEncoder.FromOnnx(TinyEmbeddings(4), "tiny.onnx"));
        Assert.StartsWith("tiny.onnx: expected transformer layers", error.Message);
    }

    [Fact]
    public void AResNetWhoseBatchNormDoesNotFitNamesTheTensor()
    {
        var model = Model(Graph(
            new[]
            {
                Node("Conv", new[] { "image", "stem.weight" }, new[] { "convolved" }),
                Node("BatchNormalization", new[] { "convolved", "bn.scale", "bn.bias", "bn.mean", "bn.var" }, new[] { "normed" }),
                Node("Relu", new[] { "normed" }, new[] { "activated" }),
            },
            new[]
            {
                FloatTensor("stem.weight", new long[] { 4, 3, 3, 3 }),
                FloatTensor("bn.scale", new long[] { 4 }),
                FloatTensor("bn.bias", new long[] { 4 }),
                FloatTensor("bn.mean", new long[] { 5 }),
                FloatTensor("bn.var", new long[] { 4 }),
            },
            new[] { "image" },
            new[] { "activated" }));
        var error = Assert.Throws<InvalidDataException>(() => PretrainedResNet.FromOnnx(model, "tiny-resnet.onnx"));
        Assert.Equal("tiny-resnet.onnx: tensor 'bn.mean' (stem batch norm mean) has shape [5]; expected [4].", error.Message);
    }

    [Fact]
    public void ATensorWhoseBytesDoNotMatchItsShapeIsRefused()
    {
        var model = Model(Graph(Array.Empty<byte[]>(), new[] { FloatTensor("w", new long[] { 4, 4 }, rawBytes: 12) }, Array.Empty<string>(), Array.Empty<string>()));
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(model, "bad.onnx"));
        Assert.Equal("bad.onnx: tensor 'w': expected 64 raw bytes (16 Float elements of shape [4, 4]), found 12.", error.Message);
    }

    [Fact]
    public void ATruncatedFileIsRefusedNamingWhatWasCut()
    {
        var model = TinyEmbeddings(4);
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(model[..(model.Length / 2)], "cut.onnx"));
        Assert.StartsWith("cut.onnx: at byte ", error.Message);
        Assert.Contains("of the graph (ModelProto field 7)", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void LimitsAreCheckedBeforeTheDataIsTrusted()
    {
        var model = TinyEmbeddings(4);
        var tooBig = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(model, "tiny.onnx", new OnnxLimits { MaxFileBytes = 100 }));
        Assert.Equal($"tiny.onnx: expected an ONNX model of at most 100 bytes, found {model.Length}.", tooBig.Message);
        var tooMany = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(model, "tiny.onnx", new OnnxLimits { MaxTensors = 3 }));
        Assert.Contains("expected at most 3 tensors", tooMany.Message);
        var tooLarge = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(model, "tiny.onnx", new OnnxLimits { MaxTensorElements = 39 }));
        Assert.Equal("tiny.onnx: tensor 'word.weight': expected at most 39 elements (OnnxLimits.MaxTensorElements), found shape [10, 4].", tooLarge.Message);
    }

    [Fact]
    public void NotAModelIsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => OnnxModelReader.Read(new byte[] { 0x08, 0x07 }, "empty.onnx"));
        Assert.Equal("empty.onnx: expected an ONNX ModelProto with a graph (field 7), found none.", error.Message);
    }
}
