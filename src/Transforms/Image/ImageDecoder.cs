using MsaMl.Transforms.Core;
using SkiaSharp;

namespace MsaMl.Transforms.Image;

/// <summary>
/// Decodes an image file by its content (the extension is ignored), completely or not at all: a
/// truncated or corrupt file is an error, never a silently partial picture. The EXIF orientation
/// is applied, so the bitmap is upright as a viewer shows it. Animated images give their first frame.
/// </summary>
/// <remarks>
/// Read: JPEG (RGB, grayscale, CMYK/YCCK), PNG (8- and 16-bit, palette, grayscale, alpha), GIF,
/// BMP, ICO, WBMP, WebP and, where the SkiaSharp build has them, HEIF/AVIF. TIFF, PSD and other
/// formats are refused with their name.
/// </remarks>
public static class ImageDecoder
{
    private static readonly ImageLimits Defaults = new();

    /// <summary>
    /// Decodes <paramref name="path"/> into an RGBA bitmap (premultiplied alpha, or opaque) in its upright orientation,
    /// within <paramref name="limits"/> (null: the defaults), checked from the file size and the header before decoding.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The path names a folder, device or pipe; the file is empty, beyond a limit, not an image SkiaSharp can read, or truncated or corrupt.
    /// </exception>
    public static SKBitmap Decode(string path, ImageLimits? limits = null)
    {
        limits ??= Defaults;
        RegularFile.RequireReadable(path, "image file");
        byte[] bytes = Array.Empty<byte>();
        int length = SizedFile.ReadAll(path, limits.MaxFileBytes, "ImageLimits.MaxFileBytes", ref bytes);
        if (length == 0) throw new InvalidDataException("file is empty (0 bytes)");

        using var data = SKData.CreateCopy(bytes.AsSpan(0, length));
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException(ImageSignature.Describe(bytes) is { } unsupported
                ? $"{unsupported} images are not supported (the content is {unsupported}, whatever the extension); convert it to PNG or JPEG"
                : "not a decodable image (corrupt, or a format SkiaSharp cannot read)");
        long pixels = (long)codec.Info.Width * codec.Info.Height;
        if (codec.Info.Width <= 0 || codec.Info.Height <= 0)
            throw new InvalidDataException($"the header declares {codec.Info.Width} x {codec.Info.Height} pixels; expected a positive width and height");
        if (pixels > limits.MaxPixels)
            throw new InvalidDataException($"the header declares {codec.Info.Width} x {codec.Info.Height} = {pixels} pixels; expected at most {limits.MaxPixels} (ImageLimits.MaxPixels)");

        var alpha = codec.Info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, alpha);
        var bitmap = new SKBitmap(info);
        try
        {
            var result = codec.GetPixels(info, bitmap.GetPixels());
            string format = codec.EncodedFormat.ToString().ToUpperInvariant();
            if (result != SKCodecResult.Success)
                throw new InvalidDataException(result switch
                {
                    SKCodecResult.IncompleteInput => $"the {format} data is truncated: only part of the image could be decoded",
                    SKCodecResult.ErrorInInput => $"the {format} data is corrupt: only part of the image could be decoded",
                    _ => $"the {format} image could not be decoded ({result})",
                });
            var upright = ImageOrientation.Apply(bitmap, codec.EncodedOrigin);
            if (!ReferenceEquals(upright, bitmap)) bitmap.Dispose();
            return upright;
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }
}
