using Microsoft.ML.OnnxRuntime;
using MsaMl.Trainers.Pretrained;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>The TorchSharp ResNet-18 built from the packaged ONNX files computes what ONNX Runtime computes on them.</summary>
public sealed class PretrainedResNetEquivalenceTests(ITestOutputHelper output)
{
    private const int Images = 50;
    private const int Size = 224;
    private const int BatchSize = 10;
    private const double Tolerance = 1e-4;

    internal static string ModelFolder => Path.Combine(AppContext.BaseDirectory, "DnnImageModels");

    [Fact]
    public void PackagedResNet18FeaturesMatchOnnxRuntime()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var network = PretrainedResNet.PackagedResNet18();
        network.eval();
        Assert.Equal(512, network.FeatureSize);
        Assert.Equal(9, network.BlockCount);   // the packaged CNTK export has 2 + 2 + 2 + 3 basic blocks
        output.WriteLine($"TorchSharp ResNet-18 built in {clock.ElapsedMilliseconds} ms");
        using var preprocess = new InferenceSession(Path.Combine(ModelFolder, "ResNetPrepOnnx", "ResNetPreprocess.onnx"));
        using var resnet = new InferenceSession(Path.Combine(ModelFolder, "ResNet18Onnx", "ResNet18.onnx"));

        var pixels = SyntheticImages(Images, seed: 18);
        double worst = 0, largest = 0;
        long onnxMs = 0, torchMs = 0;
        int plane = 3 * Size * Size;
        for (int start = 0; start < Images; start += BatchSize)
        {
            long before = clock.ElapsedMilliseconds;
            var expected = new float[BatchSize * 512];
            for (int i = 0; i < BatchSize; i++)
            {
                var image = pixels[((start + i) * plane)..((start + i + 1) * plane)];
                RunOnnx(resnet, RunOnnx(preprocess, image)).CopyTo(expected, i * 512);
            }
            onnxMs += clock.ElapsedMilliseconds - before;

            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            before = clock.ElapsedMilliseconds;
            var features = network.forward(tensor(pixels[(start * plane)..((start + BatchSize) * plane)], new long[] { BatchSize, 3, Size, Size }));
            torchMs += clock.ElapsedMilliseconds - before;
            var reference = tensor(expected, new long[] { BatchSize, 512 });
            worst = Math.Max(worst, features.sub(reference).abs().max().item<float>());
            largest = Math.Max(largest, reference.abs().max().item<float>());
        }
        output.WriteLine($"compared at {clock.ElapsedMilliseconds} ms (forward passes: ONNX Runtime {onnxMs} ms, TorchSharp {torchMs} ms)");
        output.WriteLine($"max |TorchSharp - ONNX Runtime| over {Images} images: {worst:E2} (largest feature {largest:F2})");
        Assert.True(worst < Tolerance, $"features differ by {worst}");
    }

    /// <summary>[count, 3, 224, 224] RGB values in 0-255: gradients, stripes and noise, different per image.</summary>
    internal static float[] SyntheticImages(int count, int seed)
    {
        var random = new Random(seed);
        var pixels = new float[count * 3 * Size * Size];
        for (int n = 0; n < count; n++)
        {
            double fx = 0.01 + random.NextDouble() * 0.2, fy = 0.01 + random.NextDouble() * 0.2, phase = random.NextDouble() * 6;
            for (int c = 0; c < 3; c++)
                for (int y = 0; y < Size; y++)
                    for (int x = 0; x < Size; x++)
                    {
                        double wave = Math.Sin(fx * x + fy * y * (c + 1) + phase);
                        double value = 127.5 + 90 * wave + (random.NextDouble() - 0.5) * 60;
                        pixels[((n * 3 + c) * Size + y) * Size + x] = (float)Math.Clamp(value, 0, 255);
                    }
        }
        return pixels;
    }

    private static float[] RunOnnx(InferenceSession session, float[] input)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, new long[] { 1, 3, Size, Size });
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new[] { session.InputMetadata.Keys.First() }, new[] { value }, new[] { session.OutputMetadata.Keys.First() });
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
