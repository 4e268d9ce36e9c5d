using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Text;

/// <summary>Estimator of <see cref="TokenIdsTransformer"/> (nothing to learn: the vocabulary is fixed).</summary>
public sealed class TokenIdsEstimator(TokenIdsOptions options)
    : FeaturizingEstimator<TokenIdsTransformer>(options.InputColumnName, TokenIdsTransformer.OutputColumnsOf(options.Validate()), null)
{
    private readonly TokenIdsOptions _options = TransformFactory.Clone(options);

    /// <inheritdoc/>
    public override TokenIdsTransformer Fit(IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, InputColumnName, "Input");
        return WithProgress(new TokenIdsTransformer(_options));
    }
}
