using BenchmarkDotNet.Attributes;
using MsaMl.Trainers.Pretrained;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;
using static TorchSharp.torch;

namespace MsaMl.Benchmarks;

/// <summary>
/// Forward time of the TorchSharp networks built from the packaged ONNX files (PretrainedBertEncoder,
/// PretrainedResNet) against ONNX Runtime on the same inputs: MiniLM on 32 sentences of 64 tokens,
/// ResNet-18 on 8 images of 224x224 (ONNX Runtime runs the packaged model image by image, its
/// batch is fixed at one). The ratio column is TorchSharp / ONNX Runtime.
/// </summary>
[SimpleJob(warmupCount: 1, iterationCount: 5)]
public class PretrainedForwardBenchmarks
{
    private const int Sentences = 32, Tokens = 64, Images = 8, Size = 224;
    private BertEncoder _onnxBert = null!;
    private PretrainedBertEncoder _torchBert = null!;
    private ImageEncoder _onnxResNet = null!;
    private PretrainedResNet _torchResNet = null!;
    private long[] _ids = Array.Empty<long>(), _mask = Array.Empty<long>();
    private float[] _pixels = Array.Empty<float>();

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _onnxBert = BertEncoder.For(new BertEmbeddingOptions());
        _torchBert = PretrainedBertEncoder.MiniLm();
        _torchBert.eval();
        string[] words = "the a happy sad angry calm today tomorrow really very quite house street car music friend dinner work".Split(' ');
        _ids = new long[Sentences * Tokens];
        _mask = new long[Sentences * Tokens];
        for (int b = 0; b < Sentences; b++)
        {
            var ids = _onnxBert.Tokenize(string.Join(' ', Enumerable.Range(0, 80).Select(_ => words[random.Next(words.Length)])), Tokens);
            for (int t = 0; t < ids.Length; t++) { _ids[b * Tokens + t] = ids[t]; _mask[b * Tokens + t] = 1; }
        }
        _onnxResNet = ImageEncoder.For(new PretrainedImageFeaturesOptions());
        _torchResNet = PretrainedResNet.PackagedResNet18();
        _torchResNet.eval();
        _pixels = Enumerable.Range(0, Images * 3 * Size * Size).Select(_ => (float)random.Next(256)).ToArray();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _torchBert.Dispose();
        _torchResNet.Dispose();
    }

    [Benchmark(Baseline = true, Description = "MiniLM, ONNX Runtime, 32 x 64 tokens")]
    public int BertOnnxRuntime() => _onnxBert.Run(_ids, _mask, Sentences, Tokens).Length;

    [Benchmark(Description = "MiniLM, TorchSharp, 32 x 64 tokens")]
    public long BertTorchSharp()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var states = _torchBert.forward(tensor(_ids, new long[] { Sentences, Tokens }), tensor(_mask, new long[] { Sentences, Tokens }));
        return states.numel();
    }

    [Benchmark(Description = "ResNet-18, ONNX Runtime, 8 images")]
    public int ResNetOnnxRuntime() => _onnxResNet.Run(_pixels, Images, Size).Length;

    [Benchmark(Description = "ResNet-18, TorchSharp, 8 images")]
    public long ResNetTorchSharp()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return _torchResNet.forward(tensor(_pixels, new long[] { Images, 3, Size, Size })).numel();
    }
}
