using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Text;

/// <summary>Estimator of <see cref="BertEmbeddingTransformer"/> (nothing to learn: the encoder is frozen).</summary>
public sealed class BertEmbeddingEstimator(BertEmbeddingOptions options)
    : FeaturizingEstimator<BertEmbeddingTransformer>(options.InputColumnName, new BertEmbeddingTransformer(options).OutputColumns, options.Progress)
{
    private readonly BertEmbeddingOptions _options = TransformFactory.Clone(options);

    public override BertEmbeddingTransformer Fit(IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, InputColumnName, "Input");
        return WithProgress(new BertEmbeddingTransformer(_options));
    }
}
