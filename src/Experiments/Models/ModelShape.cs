namespace MsaMl.Experiments.Models;

/// <summary>How a named model is built, and so which options its <c>model</c> section holds.</summary>
public enum ModelShape
{
    /// <summary>One modality: AAT's or OTE's branch of it (their options), or a pooled-feature model.</summary>
    SingleModality,
    /// <summary>The seed paper's audio + text model (<c>AatOptions</c>).</summary>
    Aat,
    /// <summary>The seed paper's image + text model (<c>OteOptions</c>).</summary>
    Ote,
    /// <summary>Tensor fusion (TFN) over the chosen modalities' sequence features (<c>FusionHeadOptions</c>).</summary>
    TensorFusion,
    /// <summary>Cross-modal attention over the chosen modalities' sequence features (<c>FusionHeadOptions</c>).</summary>
    Attention,
    /// <summary>Early fusion: the chosen modalities' pooled vectors side by side -> an ML.NET trainer (<c>PooledModelOptions</c>).</summary>
    Early,
    /// <summary>Late fusion: the average of single-modality members (each a model section of its own).</summary>
    Late,
    /// <summary>Any composition of encoders, a fusion and a head from the configuration (<c>ComposedOptions</c>).</summary>
    Composed,
}
