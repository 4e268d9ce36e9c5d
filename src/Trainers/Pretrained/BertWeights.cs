namespace MsaMl.Trainers.Pretrained;

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
