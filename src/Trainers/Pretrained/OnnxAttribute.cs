namespace MsaMl.Trainers.Pretrained;

/// <summary>One AttributeProto; only the value kinds weight loading reads (float, int, ints, floats, tensor, string).</summary>
internal sealed record OnnxAttribute(string Name, float? Float, long? Int, IReadOnlyList<long> Ints, IReadOnlyList<float> Floats, OnnxTensor? Tensor, string? String);
