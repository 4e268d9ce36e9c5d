namespace MsaMl;

public static class MsaTransformsCatalogExtensions
{
    extension(MsaCatalog catalog)
    {
        /// <summary>MsaMl's featurizing transforms.</summary>
        public MsaTransformsCatalog Transforms => new(catalog.Context);
    }
}
