using SkiaSharp;

namespace MsaMl.Transforms.Image;

/// <summary>Turns a decoded bitmap upright according to its EXIF orientation (the eight <see cref="SKEncodedOrigin"/> values).</summary>
internal static class ImageOrientation
{
    /// <summary>The upright bitmap: <paramref name="stored"/> itself when no change is needed, else a new one.</summary>
    public static SKBitmap Apply(SKBitmap stored, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft or 0) return stored;
        int w = stored.Width, h = stored.Height;
        bool swaps = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        int outW = swaps ? h : w, outH = swaps ? w : h;
        var upright = new SKBitmap(new SKImageInfo(outW, outH, stored.ColorType, stored.AlphaType));
        var source = stored.GetPixelSpan();
        var target = upright.GetPixelSpan();
        int bytesPerPixel = stored.BytesPerPixel, sourceRow = stored.RowBytes, targetRow = upright.RowBytes;
        for (int y = 0; y < outH; y++)
            for (int x = 0; x < outW; x++)
            {
                (int sx, int sy) = origin switch
                {
                    SKEncodedOrigin.TopRight => (w - 1 - x, y),           // mirrored horizontally
                    SKEncodedOrigin.BottomRight => (w - 1 - x, h - 1 - y), // rotated 180 degrees
                    SKEncodedOrigin.BottomLeft => (x, h - 1 - y),          // mirrored vertically
                    SKEncodedOrigin.LeftTop => (y, x),                     // transposed
                    SKEncodedOrigin.RightTop => (y, h - 1 - x),            // shown after a clockwise quarter turn
                    SKEncodedOrigin.RightBottom => (w - 1 - y, h - 1 - x), // transversed
                    SKEncodedOrigin.LeftBottom => (w - 1 - y, x),          // shown after a counter-clockwise quarter turn
                    _ => (x, y),
                };
                source.Slice(sy * sourceRow + sx * bytesPerPixel, bytesPerPixel).CopyTo(target.Slice(y * targetRow + x * bytesPerPixel, bytesPerPixel));
            }
        return upright;
    }
}
