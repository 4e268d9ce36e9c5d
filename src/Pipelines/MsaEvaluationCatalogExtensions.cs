using MsaMl.Pipelines.Evaluation;

namespace MsaMl;

/// <summary>Adds <see cref="MsaEvaluationCatalog"/> to <see cref="MsaCatalog"/>.</summary>
public static class MsaEvaluationCatalogExtensions
{
    extension(MsaCatalog catalog)
    {
        /// <summary>MsaMl's evaluators: <c>mlContext.Msa().Evaluation</c>.</summary>
        public MsaEvaluationCatalog Evaluation => new(catalog.Context);
    }
}
