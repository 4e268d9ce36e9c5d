using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>Estimator of <see cref="ImageTensorTransformer"/> (nothing to learn).</summary>
public sealed class ImageTensorEstimator(ImageTensorOptions options)
    : FeaturizingEstimator<ImageTensorTransformer>(options.InputColumnName, new[] { ImageTensorTransformer.OutputColumnOf(options) }, options.Progress)
{
    private readonly ImageTensorOptions _options = TransformFactory.Clone(options);

    public override ImageTensorTransformer Fit(IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, InputColumnName, "Input");
        return WithProgress(new ImageTensorTransformer(_options));
    }
}
