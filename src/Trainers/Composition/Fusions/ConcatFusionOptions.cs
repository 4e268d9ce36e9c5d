namespace MsaMl.Trainers.Composition.Fusions;

/// <summary>Concatenation of the encoded vectors (AAT's fusion); one input passes through.</summary>
public sealed class ConcatFusionOptions : FusionOptions
{
    /// <inheritdoc/>
    public override FusionModule Create(IReadOnlyList<long> inputWidths) => new(new ConcatFusion(), inputWidths.Sum());
}
