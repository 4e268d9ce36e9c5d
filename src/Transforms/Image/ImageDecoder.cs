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
        using var codec = Open(path, limits ?? Defaults);

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

    /// <summary>
    /// Checks <paramref name="path"/> as <see cref="Decode"/> does before it decodes (a regular, non-empty file within
    /// <paramref name="limits"/>, a format SkiaSharp reads, a header within <see cref="ImageLimits.MaxPixels"/>), without
    /// decoding a pixel; returns the declared width and height. Truncated or corrupt pixel data is found only by decoding.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The same messages as <see cref="Decode"/>.</exception>
    public static (int Width, int Height) CheckHeader(string path, ImageLimits? limits = null)
    {
        using var codec = Open(path, limits ?? Defaults);
        return (codec.Info.Width, codec.Info.Height);
    }

    /// <summary>The codec of a file within <paramref name="limits"/>, its header checked.</summary>
    private static SKCodec Open(string path, ImageLimits limits)
    {
        RegularFile.RequireReadable(path, "image file");
        byte[] bytes = Array.Empty<byte>();
        int length = SizedFile.ReadAll(path, limits.MaxFileBytes, "ImageLimits.MaxFileBytes", ref bytes);
        if (length == 0) throw new InvalidDataException("file is empty (0 bytes)");

        using var data = SKData.CreateCopy(bytes.AsSpan(0, length));
        var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException(ImageSignature.Describe(bytes) is { } unsupported
                ? $"{unsupported} images are not supported (the content is {unsupported}, whatever the extension); convert it to PNG or JPEG"
                : "not a decodable image (corrupt, or a format SkiaSharp cannot read)");
        if (HeaderProblem(codec.Info, limits) is { } problem)
        {
            codec.Dispose();
            throw new InvalidDataException(problem);
        }
        return codec;
    }

    private static string? HeaderProblem(SKImageInfo info, ImageLimits limits)
    {
        long pixels = (long)info.Width * info.Height;
        if (info.Width <= 0 || info.Height <= 0) return $"the header declares {info.Width} x {info.Height} pixels; expected a positive width and height";
        return pixels > limits.MaxPixels ? $"the header declares {info.Width} x {info.Height} = {pixels} pixels; expected at most {limits.MaxPixels} (ImageLimits.MaxPixels)" : null;
    }
}
