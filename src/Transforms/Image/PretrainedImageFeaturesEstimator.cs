using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>Estimator of <see cref="PretrainedImageFeaturesTransformer"/> (nothing to learn: the encoder is frozen).</summary>
public sealed class PretrainedImageFeaturesEstimator(PretrainedImageFeaturesOptions options)
    : FeaturizingEstimator<PretrainedImageFeaturesTransformer>(options.InputColumnName, new PretrainedImageFeaturesTransformer(options).OutputColumns, options.Progress)
{
    private readonly PretrainedImageFeaturesOptions _options = TransformFactory.Clone(options);

    public override PretrainedImageFeaturesTransformer Fit(IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, InputColumnName, "Input");
        return WithProgress(new PretrainedImageFeaturesTransformer(_options));
    }
}
