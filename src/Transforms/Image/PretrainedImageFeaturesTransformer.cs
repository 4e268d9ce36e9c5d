using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Image;

/// <summary>
/// Image path -> features of a frozen pretrained encoder (by default ImageNet ResNet-18, 512-d).
/// Empty paths give all-zero features; unreadable images throw naming the row and path, or with
/// <see cref="PretrainedImageFeaturesOptions.UnreadableImages"/> are missing images listed in <see cref="Warnings"/>.
/// </summary>
public sealed class PretrainedImageFeaturesTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.PretrainedImageFeatures";

    private readonly PretrainedImageFeaturesOptions _options;
    private readonly ImageEncoder _encoder;

    public PretrainedImageFeaturesTransformer(PretrainedImageFeaturesOptions options)
        : this(TransformFactory.Clone(options), ImageEncoder.For(options))
    {
        Progress = options.Progress;
    }

    private PretrainedImageFeaturesTransformer(PretrainedImageFeaturesOptions options, ImageEncoder encoder)
        : base(options.InputColumnName, new[] { new FeatureColumn(options.OutputColumnName, "features", encoder.FeatureSize) })
    {
        if (options.ImageSize <= 0 || options.BatchSize <= 0 || options.ImageSize > ImageTensorTransformer.MaxSide || options.BatchSize > MaxBatchSize)
            throw new ArgumentOutOfRangeException(nameof(options),
                $"ImageSize must be 1 to {ImageTensorTransformer.MaxSide} and BatchSize 1 to {MaxBatchSize}, got {options.ImageSize} and {options.BatchSize}.");
        ArgumentNullException.ThrowIfNull(options.Limits, nameof(options.Limits));
        options.Limits.Validate();
        _options = options;
        _encoder = encoder;
    }

    private const int MaxBatchSize = 4096;

    public override string Kind => KindName;
    public PretrainedImageFeaturesOptions Options => TransformFactory.Clone(_options);

    /// <summary>The images treated as missing because they could not be read (<see cref="PretrainedImageFeaturesOptions.UnreadableImages"/>).</summary>
    public ImageWarnings Warnings { get; } = new();

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    /// <summary>A user-given encoder and preprocessing ONNX (<see cref="PretrainedImageFeaturesOptions.ModelPath"/>, <see cref="PretrainedImageFeaturesOptions.PreprocessModelPath"/>); none for the packaged ResNet-18.</summary>
    public override IReadOnlyDictionary<string, string> SaveFiles() => _options.ModelPath == null
        ? SavedFiles.Of()
        : SavedFiles.Of((nameof(PretrainedImageFeaturesOptions.ModelPath), _options.ModelPath),
            (nameof(PretrainedImageFeaturesOptions.PreprocessModelPath), _options.PreprocessModelPath));
    protected internal override int BatchSize => _options.BatchSize;
    protected internal override Featurizer CreateFeaturizer() => new EncoderFeaturizer(_options, _encoder, Warnings);

    private sealed class EncoderFeaturizer(PretrainedImageFeaturesOptions options, ImageEncoder encoder, ImageWarnings warnings) : Featurizer
    {
        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            int size = options.ImageSize, plane = 3 * size * size, features = encoder.FeatureSize;
            var present = new List<int>(batch.Count);
            var pixels = new float[batch.Count * plane];
            for (int i = 0; i < batch.Count; i++)
            {
                if (ImagePixels.LoadRow(batch[i], options.InputColumnName, options.BaseFolder, size, size,
                        options.InputNormalization, pixels.AsSpan(present.Count * plane, plane), options.UnreadableImages, warnings, options.Limits))
                    present.Add(i);
            }
            if (present.Count == 0) return;

            var result = encoder.Run(pixels[..(present.Count * plane)], present.Count, size);
            for (int k = 0; k < present.Count; k++)
                result.AsSpan(k * features, features).CopyTo(outputs[0].AsSpan(present[k] * features, features));
        }
    }
}
