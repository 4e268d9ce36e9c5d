namespace MsaMl.Transforms.Image;

/// <summary>
/// Options of <see cref="PretrainedImageFeaturesTransformer"/>. By default the ImageNet ResNet-18
/// shipped by the Microsoft.ML.DnnImageFeaturizer.ResNet18 package (512-d pooled features).
/// </summary>
public sealed class PretrainedImageFeaturesOptions
{
    /// <summary>
    /// Receives the featurizing progress (rows done, total, rate) of the fitted transform's passes;
    /// not part of the saved options (see <see cref="MsaMl.Transforms.Core.FeaturizingTransformer.Progress"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Column with the image path. An empty path gives all-zero features (missing image).</summary>
    public string InputColumnName { get; set; } = "ImagePath";

    /// <summary>Output column: the encoder's pooled feature vector.</summary>
    public string OutputColumnName { get; set; } = "ImageFeatures";

    /// <summary>
    /// A file that cannot be read (missing, empty, truncated, corrupt, unsupported format): an error
    /// naming the row and file (default), or a missing image with a line in
    /// <see cref="PretrainedImageFeaturesTransformer.Warnings"/>.
    /// </summary>
    public UnreadableImagePolicy UnreadableImages { get; set; } = UnreadableImagePolicy.Throw;

    /// <summary>
    /// The largest image file and pixel count decoded, checked from the file size and header before decoding; an image
    /// beyond them is unreadable (see <see cref="UnreadableImages"/>). Saved with the model, so scoring applies the
    /// limits it was trained with.
    /// </summary>
    public ImageLimits Limits { get; set; } = new();

    /// <summary>Relative paths are resolved against this folder.</summary>
    public string? BaseFolder { get; set; }

    /// <summary>
    /// An image encoder ONNX with one [batch, 3, H, W] input; null: the packaged ResNet-18. A model bundle embeds this
    /// file and <see cref="PreprocessModelPath"/> (or references them by SHA-256), never the path.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>An optional ONNX run before the encoder (the packaged ResNet-18 has one that normalizes raw pixels).</summary>
    public string? PreprocessModelPath { get; set; }

    /// <summary>Pixel scaling fed to the first model; the packaged preprocessing expects raw 0-255 values.</summary>
    public PixelNormalization InputNormalization { get; set; } = PixelNormalization.Raw;

    /// <summary>Square input size in pixels.</summary>
    public int ImageSize { get; set; } = 224;

    /// <summary>Images per encoder call.</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose.</summary>
    public int IntraOpThreads { get; set; }
}
