namespace MsaMl.Transforms.Image;

/// <summary>
/// What <see cref="ImageDecoder"/> accepts, checked from the file's size and the image header before any pixel is
/// decoded, so that a small file cannot make it allocate gigabytes (a 35-byte GIF declaring 23000 x 23000 pixels
/// once took 3.3 GB). An image beyond a limit is unreadable: an error naming the file, or a missing image under
/// <see cref="UnreadableImagePolicy.MissingModality"/>.
/// </summary>
public sealed class ImageLimits
{
    /// <summary>The default of <see cref="MaxPixels"/>: 64 megapixels (8192 x 8192), 256 MiB decoded.</summary>
    public const long DefaultMaxPixels = 8192L * 8192;

    /// <summary>The default of <see cref="MaxFileBytes"/>: 256 MiB.</summary>
    public const long DefaultMaxFileBytes = 256L << 20;

    /// <summary>
    /// The most pixels (width x height) an image may declare (default 64 megapixels, 8192 x 8192: every camera
    /// photo up to 64 MP). Decoding holds 4 bytes a pixel, twice when the EXIF orientation turns the picture.
    /// </summary>
    public long MaxPixels { get; set; } = DefaultMaxPixels;

    /// <summary>The largest image file read (default 256 MiB); the whole file is held in memory while it is decoded.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first limit that is not positive.</summary>
    public void Validate()
    {
        if (MaxPixels <= 0) throw new ArgumentOutOfRangeException(nameof(MaxPixels), $"ImageLimits.MaxPixels must be positive, got {MaxPixels}.");
        if (MaxFileBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), $"ImageLimits.MaxFileBytes must be positive, got {MaxFileBytes}.");
    }
}
