using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>Random colours by mood: warm and bright for positive, dark and grey for negative, muted mid tones for neutral.</summary>
public static class Palette
{
    public static SKColor Hsv(Random random, double hueMin, double hueMax, double satMin, double satMax, double valMin, double valMax) =>
        SKColor.FromHsv(
            (float)(random.Uniform(hueMin, hueMax) % 360 + 360) % 360,
            (float)random.Uniform(satMin, satMax),
            (float)random.Uniform(valMin, valMax));

    /// <summary>A background; the ranges of the moods overlap on purpose, so brightness alone does not give the label.</summary>
    public static SKColor Background(Mood mood, Random random) => mood switch
    {
        Mood.Positive => Hsv(random, 20, 200, 10, 45, 55, 98),
        Mood.Negative => Hsv(random, 180, 290, 5, 30, 20, 70),
        _ => Hsv(random, 0, 360, 0, 25, 40, 85),
    };

    public static SKColor Warm(Random random) => Hsv(random, 15, 60, 60, 100, 85, 100);

    public static SKColor Gloomy(Random random) => Hsv(random, 190, 280, 5, 35, 15, 50);

    public static SKColor Muted(Random random) => Hsv(random, 0, 360, 5, 30, 45, 75);

    public static SKPaint Fill(SKColor color) => new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Fill };

    public static SKPaint Stroke(SKColor color, float width) =>
        new() { Color = color, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = width, StrokeCap = SKStrokeCap.Round };
}
