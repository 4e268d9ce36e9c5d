namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>
/// Tensor fusion (Zadeh et al., 2017) over any number of modalities: the outer product of every
/// [h_i; 1], flattened, keeps unimodal, bimodal and (for three inputs, as TFN used) trimodal terms.
/// The fused vector has prod(d_i + 1) entries, so keep the encoders narrow.
/// </summary>
public sealed class TensorFusionOptions : FusionOptions
{
    /// <inheritdoc/>
    public override FusionModule Create(IReadOnlyList<long> inputWidths) =>
        new(new TensorFusion(), inputWidths.Aggregate(1L, (product, width) => product * (width + 1)));
}
