using Microsoft.ML;

namespace MsaMl;

/// <summary>
/// MsaMl's entry point on an <see cref="MLContext"/>: <c>mlContext.Msa().Transforms</c>, and, from
/// the other MsaMl assemblies, trainers, model bundles and evaluation as extension methods on this
/// catalog.
/// </summary>
public sealed class MsaCatalog
{
    internal MsaCatalog(MLContext context)
    {
        Context = context;
        Transforms = new MsaTransformsCatalog(context);
    }

    public MLContext Context { get; }
    public MsaTransformsCatalog Transforms { get; }
}

public static class MsaCatalogExtensions
{
    /// <summary>The MsaMl catalog of this context.</summary>
    public static MsaCatalog Msa(this MLContext context) =>
        new(context ?? throw new ArgumentNullException(nameof(context)));
}
