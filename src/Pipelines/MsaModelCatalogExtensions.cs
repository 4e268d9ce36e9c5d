using MsaMl.Pipelines.Persistence;

namespace MsaMl;

public static class MsaModelCatalogExtensions
{
    extension(MsaCatalog catalog)
    {
        /// <summary>Model bundles: <c>mlContext.Msa().Model.Save(model, schema, path)</c> and <c>.Load(path, out schema)</c>.</summary>
        public ModelBundle Model => new(catalog.Context);
    }
}
