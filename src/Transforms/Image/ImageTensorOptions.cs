namespace MsaMl.Transforms.Image;

/// <summary>Options of <see cref="ImageTensorTransformer"/>.</summary>
public sealed class ImageTensorOptions
{
    /// <summary>
    /// Receives the featurizing progress (rows done, total, rate) of the fitted transform's passes;
    /// not part of the saved options (see <see cref="MsaMl.Transforms.Core.FeaturizingTransformer.Progress"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Column with the image path. An empty path is a missing image: all-zero output.</summary>
    public string InputColumnName { get; set; } = "ImagePath";

    /// <summary>Output column: [3, Height, Width] floats, channels R, G, B.</summary>
    public string OutputColumnName { get; set; } = "ImageTensor";

    /// <summary>
    /// A file that cannot be read (missing, empty, truncated, corrupt, unsupported format): an error
    /// naming the row and file (default), or a missing image with a line in
    /// <see cref="ImageTensorTransformer.Warnings"/>.
    /// </summary>
    public UnreadableImagePolicy UnreadableImages { get; set; } = UnreadableImagePolicy.Throw;

    /// <summary>
    /// The largest image file and pixel count decoded, checked from the file size and header before decoding; an image
    /// beyond them is unreadable (see <see cref="UnreadableImages"/>). Saved with the model, so scoring applies the
    /// limits it was trained with.
    /// </summary>
    public ImageLimits Limits { get; set; } = new();

    /// <summary>Relative paths are resolved against this folder (null: the current directory).</summary>
    public string? BaseFolder { get; set; }

    /// <summary>Output width in pixels (the paper: 64).</summary>
    public int Width { get; set; } = 64;

    /// <summary>Output height in pixels (the paper: 64).</summary>
    public int Height { get; set; } = 64;

    /// <summary>Pixel scaling.</summary>
    public PixelNormalization Normalization { get; set; } = PixelNormalization.UnitRange;

    /// <summary>Checks every value against its range; returns the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range; the parameter names the property.</exception>
    public ImageTensorOptions Validate()
    {
        OptionCheck.Require(Width is >= 1 and <= ImageTensorTransformer.MaxSide, nameof(Width), Width, $"expected 1 to {ImageTensorTransformer.MaxSide} pixels");
        OptionCheck.Require(Height is >= 1 and <= ImageTensorTransformer.MaxSide, nameof(Height), Height, $"expected 1 to {ImageTensorTransformer.MaxSide} pixels");
        ArgumentNullException.ThrowIfNull(Limits, nameof(Limits));
        Limits.Validate();
        return this;
    }
}
