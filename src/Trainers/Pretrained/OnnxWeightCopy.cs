using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>Copies ONNX constants into TorchSharp parameters, refusing any whose element count differs.</summary>
internal static class OnnxWeightCopy
{
    public static void Into(Tensor target, OnnxTensor source, string role)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (source.ElementCount != target.numel())
            throw new InvalidDataException($"tensor '{source.Name}' ({role}) has shape {source.Shape}; expected [{string.Join(", ", target.shape)}].");
        target.copy_(tensor(source.ToFloats(), target.shape));
    }

    /// <summary>Loads a dense layer; ONNX MatMul weights are [in, out], torch's Linear keeps [out, in].</summary>
    public static void Into(Linear target, LinearWeights source, string role)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        if (source.OutFeatures != target.weight!.shape[0] || source.InFeatures != target.weight.shape[1])
            throw new InvalidDataException($"tensor '{source.Weight.Name}' ({role}) maps {source.InFeatures} -> {source.OutFeatures} features; expected {target.weight.shape[1]} -> {target.weight.shape[0]}.");
        var weight = tensor(source.Weight.ToFloats(), source.Weight.Dims);
        target.weight!.copy_(source.WeightIsInputMajor ? weight.t() : weight);
        Into(target.bias!, source.Bias, role + " bias");
    }

    public static void Into(LayerNorm target, LayerNormWeights source, string role)
    {
        Into(target.weight!, source.Scale, role + " scale");
        Into(target.bias!, source.Bias, role + " bias");
    }
}
