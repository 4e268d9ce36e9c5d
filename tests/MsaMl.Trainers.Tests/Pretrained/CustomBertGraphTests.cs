using Microsoft.ML.OnnxRuntime;
using MsaMl.Trainers.Pretrained;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>A BERT exported differently from the packaged MiniLM (see <see cref="TinyBertGraph"/>) loads, computes what ONNX Runtime computes, and trains.</summary>
public sealed class CustomBertGraphTests
{
    private const int Batch = 3;
    private static readonly long[] Ids = { 1, 5, 7, 2, 0, 0, 1, 19, 3, 3, 4, 2, 1, 2, 0, 0, 0, 0 };
    private static readonly long[] Mask = { 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0 };

    [Fact]
    public void ATinyBertWithFusedNormsAndTanhGeluMatchesOnnxRuntime()
    {
        var model = TinyBertGraph.Build(seed: 7);
        using var encoder = PretrainedBertEncoder.FromOnnx(model, "tiny-bert.onnx");
        Assert.Equal(TinyBertGraph.Layers, encoder.LayerCount);
        Assert.Equal(TinyBertGraph.Hidden, encoder.HiddenSize);

        using var session = new InferenceSession(model);
        long[] shape = { Batch, TinyBertGraph.Length };
        using var ids = OrtValue.CreateTensorValueFromMemory(Ids, shape);
        using var mask = OrtValue.CreateTensorValueFromMemory(Mask, shape);
        using var runOptions = new RunOptions();
        using var outputs = session.Run(runOptions, new[] { "input_ids", "attention_mask" }, new[] { ids, mask }, new[] { "last_hidden_state" });
        var expected = outputs[0].GetTensorDataAsSpan<float>().ToArray();

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var states = encoder.forward(tensor(Ids, shape), tensor(Mask, shape));
        var difference = states.sub(tensor(expected, new long[] { Batch, TinyBertGraph.Length, TinyBertGraph.Hidden })).abs().max().item<float>();
        Assert.True(difference < 1e-5, $"token states differ by {difference}");
    }

    [Fact]
    public void EveryLoadedWeightReceivesAGradient()
    {
        using var encoder = PretrainedBertEncoder.FromOnnx(TinyBertGraph.Build(seed: 7), "tiny-bert.onnx");
        using var scope = NewDisposeScope();
        long[] shape = { Batch, TinyBertGraph.Length };
        var maskTensor = tensor(Mask, shape);
        var pooled = PretrainedBertEncoder.MeanPool(encoder.forward(tensor(Ids, shape), maskTensor), maskTensor);
        pooled.pow(2).sum().backward();
        var parameters = encoder.named_parameters().ToList();
        Assert.Equal(4 + TinyBertGraph.Layers * 16, parameters.Count);
        foreach (var (name, parameter) in parameters)
            Assert.True(parameter.grad is { } grad && grad.abs().sum().item<float>() > 0, $"{name} has no gradient");
    }
}
