using Microsoft.ML;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Video;

/// <summary>Estimator of <see cref="VideoFramesTransformer"/> (nothing to learn: the encoder is frozen).</summary>
public sealed class VideoFramesEstimator(VideoFramesOptions options)
    : FeaturizingEstimator<VideoFramesTransformer>(options.InputColumnName,
        VideoFramesTransformer.OutputColumnsOf(options.Validate(), VideoFramesTransformer.EncoderOf(options).FeatureSize), options.Progress)
{
    private readonly VideoFramesOptions _options = TransformFactory.Clone(options);

    public override VideoFramesTransformer Fit(IDataView input)
    {
        SchemaChecks.RequireText(input.Schema, InputColumnName, "Input");
        return WithProgress(new VideoFramesTransformer(_options));
    }
}
