namespace MsaMl.Trainers.Pretrained;

/// <summary>A dense layer found in a graph: its weight as torch's Linear keeps it ([out, in]) and its bias.</summary>
internal sealed record LinearWeights(OnnxTensor Weight, bool WeightIsInputMajor, OnnxTensor Bias)
{
    public long InFeatures => WeightIsInputMajor ? Weight.Dims[0] : Weight.Dims[1];

    public long OutFeatures => WeightIsInputMajor ? Weight.Dims[1] : Weight.Dims[0];
}

/// <summary>A layer normalization over the last dimension.</summary>
internal sealed record LayerNormWeights(OnnxTensor Scale, OnnxTensor Bias, double Epsilon);

/// <summary>Which GELU the graph computes between the intermediate and output dense layers.</summary>
public enum GeluKind
{
    /// <summary>x * Φ(x) with the error function (BERT's and torch's default).</summary>
    Erf,

    /// <summary>The tanh approximation.</summary>
    Tanh,
}

/// <summary>One transformer layer's weights, as the graph computes it (post-LayerNorm BERT).</summary>
internal sealed record BertLayerWeights(
    LinearWeights Query,
    LinearWeights Key,
    LinearWeights Value,
    LinearWeights AttentionOutput,
    LayerNormWeights AttentionNorm,
    LinearWeights Intermediate,
    GeluKind Gelu,
    LinearWeights Output,
    LayerNormWeights OutputNorm,
    int Heads,
    double ScoreDivisor);

/// <summary>Everything a BERT encoder needs, matched from an ONNX graph by <see cref="BertGraphMatcher"/>.</summary>
internal sealed record BertWeights(
    OnnxTensor WordEmbeddings,
    OnnxTensor PositionEmbeddings,
    OnnxTensor? TokenTypeEmbeddings,
    LayerNormWeights EmbeddingNorm,
    IReadOnlyList<BertLayerWeights> Layers,
    string TokenOutput)
{
    public long HiddenSize => WordEmbeddings.Dims[1];
}
