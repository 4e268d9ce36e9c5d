namespace MsaMl.Trainers.Pretrained;

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
