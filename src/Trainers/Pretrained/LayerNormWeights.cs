namespace MsaMl.Trainers.Pretrained;

/// <summary>A layer normalization over the last dimension.</summary>
internal sealed record LayerNormWeights(OnnxTensor Scale, OnnxTensor Bias, double Epsilon);
