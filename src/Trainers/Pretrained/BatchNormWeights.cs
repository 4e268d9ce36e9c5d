namespace MsaMl.Trainers.Pretrained;

/// <summary>Inference batch normalization as ONNX's BatchNormalization node holds it.</summary>
internal sealed record BatchNormWeights(OnnxTensor Scale, OnnxTensor Bias, OnnxTensor Mean, OnnxTensor Variance, double Epsilon);
