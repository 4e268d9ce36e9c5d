using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>Sensor-like specks: a few dozen faint random dots, so no two images are clean copies of a template (sparse, to keep the PNGs small).</summary>
public static class ImageNoise
{
    public static void AddSpecks(SKCanvas canvas, Random random, int size)
    {
        int specks = random.Next(15, 45);
        for (int i = 0; i < specks; i++)
        {
            var colour = Palette.Hsv(random, 0, 360, 0, 30, 0, 100).WithAlpha((byte)random.Next(40, 120));
            using var paint = new SKPaint { Color = colour, IsAntialias = false };
            canvas.DrawRect(random.Next(size), random.Next(size), 1, 1, paint);
        }
    }
}
