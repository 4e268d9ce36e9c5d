using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>
/// Image path -> [3, Height, Width] floats (R, G, B planes), scaled to [0, 1], ImageNet-normalized
/// or raw. Images are decoded by content, completely and upright (<see cref="ImageDecoder"/>). An
/// empty path gives an all-zero tensor (missing image); an unreadable file (missing, truncated,
/// corrupt, unsupported) throws <see cref="MsaInputException"/> naming the row and path, or with
/// <see cref="ImageTensorOptions.UnreadableImages"/> is a missing image listed in <see cref="Warnings"/>.
/// </summary>
public sealed class ImageTensorTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.ImageTensor";

    private readonly ImageTensorOptions _options;

    public ImageTensorTransformer(ImageTensorOptions options)
        : base(options.InputColumnName, new[] { OutputColumnOf(options) })
    {
        _options = TransformFactory.Clone(options);
        Progress = options.Progress;
    }

    /// <summary>The largest output width or height.</summary>
    internal const int MaxSide = 4096;

    internal static FeatureColumn OutputColumnOf(ImageTensorOptions o)
    {
        o.Validate();
        return new FeatureColumn(o.OutputColumnName, "channels,height,width", 3, o.Height, o.Width);
    }

    public override string Kind => KindName;
    public ImageTensorOptions Options => TransformFactory.Clone(_options);

    /// <summary>The images treated as missing because they could not be read (<see cref="ImageTensorOptions.UnreadableImages"/>).</summary>
    public ImageWarnings Warnings { get; } = new();

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);
    protected internal override Featurizer CreateFeaturizer() => new TensorFeaturizer(_options, Warnings);

    private sealed class TensorFeaturizer(ImageTensorOptions options, ImageWarnings warnings) : Featurizer
    {
        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            int size = 3 * options.Width * options.Height;
            for (int i = 0; i < batch.Count; i++)
                ImagePixels.LoadRow(batch[i], options.InputColumnName, options.BaseFolder, options.Width, options.Height,
                    options.Normalization, outputs[0].AsSpan(i * size, size), options.UnreadableImages, warnings, options.Limits);
        }
    }
}
