using MsaMl.Transforms.Core;
using SkiaSharp;

namespace MsaMl.Transforms.Image;

/// <summary>
/// Decodes (by content, completely, upright: <see cref="ImageDecoder"/>) and resizes images
/// (SkiaSharp, the library ML.NET's ImageAnalytics runs on) into CHW floats.
/// </summary>
public static class ImagePixels
{
    public static readonly float[] ImageNetMean = { 0.485f, 0.456f, 0.406f };
    public static readonly float[] ImageNetStd = { 0.229f, 0.224f, 0.225f };

    /// <summary>Writes [3, height, width] values of the image at <paramref name="path"/> into <paramref name="output"/>, decoded within <paramref name="limits"/> (null: the defaults).</summary>
    public static void Load(string path, int width, int height, PixelNormalization normalization, Span<float> output, ImageLimits? limits = null)
    {
        using var decoded = ImageDecoder.Decode(path, limits);
        using var resized = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        if (!decoded.ScalePixels(resized, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)))
            throw new InvalidDataException("the image could not be resized");
        ToChw(resized.GetPixelSpan(), width, height, normalization, output);
    }

    /// <summary>RGBA8888 bytes -> planar R, G, B floats.</summary>
    public static void ToChw(ReadOnlySpan<byte> rgba, int width, int height, PixelNormalization normalization, Span<float> output) =>
        ToChw(rgba, 4, width, height, normalization, output);

    /// <summary>Interleaved 8-bit pixels starting R, G, B (RGB24: 3 bytes a pixel, RGBA8888: 4) -> planar R, G, B floats.</summary>
    public static void ToChw(ReadOnlySpan<byte> pixels, int bytesPerPixel, int width, int height, PixelNormalization normalization, Span<float> output)
    {
        int plane = width * height;
        for (int c = 0; c < 3; c++)
        {
            float scale, offset;
            switch (normalization)
            {
                case PixelNormalization.Raw: scale = 1f; offset = 0f; break;
                case PixelNormalization.ImageNet: scale = 1f / (255f * ImageNetStd[c]); offset = -ImageNetMean[c] / ImageNetStd[c]; break;
                default: scale = 1f / 255f; offset = 0f; break;
            }
            var target = output.Slice(c * plane, plane);
            for (int p = 0; p < plane; p++) target[p] = pixels[p * bytesPerPixel + c] * scale + offset;
        }
    }

    /// <summary>
    /// Loads the image of one row; false when the path is empty, or when the file is unreadable and
    /// <paramref name="policy"/> says to treat it as missing (then <paramref name="warnings"/> gets a line).
    /// </summary>
    /// <exception cref="MsaInputException">The file is unreadable and <paramref name="policy"/> is <see cref="UnreadableImagePolicy.Throw"/>; names the row and path.</exception>
    internal static bool LoadRow(FeaturizerInput input, string column, string? baseFolder, int width, int height,
        PixelNormalization normalization, Span<float> output, UnreadableImagePolicy policy, ImageWarnings warnings, ImageLimits limits)
    {
        if (string.IsNullOrWhiteSpace(input.Value)) return false;
        string path = FilePaths.Resolve(input.Value, baseFolder);
        MsaInputException error;
        try
        {
            Load(path, width, height, normalization, output, limits);
            return true;
        }
        catch (FileNotFoundException)
        {
            error = new MsaInputException(column, input.Row, path, "image file not found");
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            error = new MsaInputException(column, input.Row, path, $"cannot read image: {ex.Message}", ex);
        }
        if (policy == UnreadableImagePolicy.Throw) throw error;
        warnings.Add(error);
        return false;
    }
}
