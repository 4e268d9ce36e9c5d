namespace MsaMl.Trainers.Pretrained;

/// <summary>A dense layer found in a graph: its weight as torch's Linear keeps it ([out, in]) and its bias.</summary>
internal sealed record LinearWeights(OnnxTensor Weight, bool WeightIsInputMajor, OnnxTensor Bias)
{
    public long InFeatures => WeightIsInputMajor ? Weight.Dims[0] : Weight.Dims[1];

    public long OutFeatures => WeightIsInputMajor ? Weight.Dims[1] : Weight.Dims[0];
}
