using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>
/// A landscape: sunny (blue sky, sun with rays, green hills, flowers) for positive; stormy (dark
/// sky, clouds, rain, sometimes lightning, bare ground) for negative; overcast and plain, with a
/// house or a tree, for neutral.
/// </summary>
public static class SceneDrawing
{
    public static void Draw(SKCanvas canvas, Mood mood, Random random, int size)
    {
        float horizon = (float)random.Uniform(size * 0.5, size * 0.75);
        var (sky, ground) = mood switch
        {
            Mood.Positive => (Palette.Hsv(random, 190, 215, 35, 75, 80, 100), Palette.Hsv(random, 85, 135, 45, 85, 50, 85)),
            Mood.Negative => (Palette.Hsv(random, 200, 260, 5, 30, 15, 45), Palette.Hsv(random, 20, 60, 15, 45, 15, 40)),
            _ => (Palette.Hsv(random, 180, 230, 3, 20, 60, 85), Palette.Hsv(random, 40, 110, 10, 35, 40, 70)),
        };
        canvas.Clear(sky);
        using (var land = Palette.Fill(ground))
        using (var hill = new SKPath())
        {
            hill.MoveTo(0, horizon);
            hill.QuadTo((float)random.Uniform(0, size), horizon - (float)random.Uniform(-6, 10), size, horizon + (float)random.Uniform(-4, 4));
            hill.LineTo(size, size);
            hill.LineTo(0, size);
            hill.Close();
            canvas.DrawPath(hill, land);
        }

        switch (mood)
        {
            case Mood.Positive: DrawSunshine(canvas, random, size, horizon); break;
            case Mood.Negative: DrawStorm(canvas, random, size, horizon); break;
            default: DrawLandmark(canvas, random, size, horizon); break;
        }
    }

    private static void DrawSunshine(SKCanvas canvas, Random random, int size, float horizon)
    {
        float r = (float)random.Uniform(5, 10);
        float x = (float)random.Uniform(r + 2, size - r - 2);
        float y = (float)random.Uniform(r + 2, horizon - r - 4);
        var sun = Palette.Hsv(random, 40, 58, 70, 100, 95, 100);
        using (var rays = Palette.Stroke(sun, 1.5f))
        {
            int count = random.Next(6, 11);
            double offset = random.Uniform(0, Math.PI);
            for (int i = 0; i < count; i++)
            {
                double a = offset + 2 * Math.PI * i / count;
                canvas.DrawLine(x + (float)Math.Cos(a) * r * 1.3f, y + (float)Math.Sin(a) * r * 1.3f,
                    x + (float)Math.Cos(a) * r * 1.9f, y + (float)Math.Sin(a) * r * 1.9f, rays);
            }
        }
        using (var disc = Palette.Fill(sun)) canvas.DrawCircle(x, y, r, disc);

        int flowers = random.Next(0, 6);
        for (int i = 0; i < flowers; i++)
        {
            using var petal = Palette.Fill(Palette.Hsv(random, 300, 420, 50, 90, 85, 100));
            canvas.DrawCircle((float)random.Uniform(2, size - 2), (float)random.Uniform(horizon + 3, size - 2), (float)random.Uniform(1, 2.2), petal);
        }
    }

    private static void DrawStorm(SKCanvas canvas, Random random, int size, float horizon)
    {
        int clouds = random.Next(2, 5);
        for (int i = 0; i < clouds; i++)
        {
            using var cloud = Palette.Fill(Palette.Gloomy(random));
            float x = (float)random.Uniform(0, size), y = (float)random.Uniform(4, horizon * 0.5);
            for (int puff = 0; puff < 4; puff++)
                canvas.DrawCircle(x + (float)random.Uniform(-9, 9), y + (float)random.Uniform(-3, 3), (float)random.Uniform(4, 8), cloud);
        }

        using (var rain = Palette.Stroke(Palette.Hsv(random, 200, 230, 10, 40, 55, 80), 0.8f))
        {
            int drops = random.Next(10, 30);
            float slant = (float)random.Uniform(-3, 1);
            for (int i = 0; i < drops; i++)
            {
                float x = (float)random.Uniform(0, size), y = (float)random.Uniform(horizon * 0.4, size);
                canvas.DrawLine(x, y, x + slant, y + 4, rain);
            }
        }

        if (random.NextDouble() < 0.5)
        {
            using var bolt = Palette.Stroke(Palette.Hsv(random, 50, 60, 20, 60, 90, 100), 1.5f);
            using var path = new SKPath();
            float x = (float)random.Uniform(10, size - 10), y = (float)random.Uniform(8, 16);
            path.MoveTo(x, y);
            for (int i = 0; i < 3; i++)
            {
                x += (float)random.Uniform(-6, 6);
                y += (float)random.Uniform(5, 10);
                path.LineTo(x, y);
            }
            canvas.DrawPath(path, bolt);
        }
    }

    private static void DrawLandmark(SKCanvas canvas, Random random, int size, float horizon)
    {
        float x = (float)random.Uniform(8, size - 16);
        var colour = Palette.Muted(random);
        using var fill = Palette.Fill(colour);
        if (random.NextDouble() < 0.5)
        {
            float w = (float)random.Uniform(10, 16), h = (float)random.Uniform(8, 13);
            canvas.DrawRect(x, horizon - h, w, h, fill);
            using var roof = new SKPath();
            roof.MoveTo(x - 2, horizon - h);
            roof.LineTo(x + w / 2, horizon - h - (float)random.Uniform(5, 9));
            roof.LineTo(x + w + 2, horizon - h);
            roof.Close();
            using var roofPaint = Palette.Fill(Palette.Muted(random));
            canvas.DrawPath(roof, roofPaint);
        }
        else
        {
            using var trunk = Palette.Fill(Palette.Hsv(random, 20, 40, 20, 40, 30, 50));
            canvas.DrawRect(x + 3, horizon - 10, 3, 10, trunk);
            canvas.DrawCircle(x + 4.5f, horizon - 13, (float)random.Uniform(5, 8), fill);
        }
    }
}
