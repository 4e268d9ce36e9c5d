using Microsoft.ML;

namespace MsaMl;

public static class MsaCatalogExtensions
{
    /// <summary>The MsaMl catalog of this context.</summary>
    public static MsaCatalog Msa(this MLContext context) =>
        new(context ?? throw new ArgumentNullException(nameof(context)));
}
