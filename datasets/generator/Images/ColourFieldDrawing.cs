using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>
/// An abstract picture: round blobs and stars in warm bright colours (positive), jagged shards in
/// dark greys and purples (negative), or squares and bars in muted mid tones (neutral).
/// </summary>
public static class ColourFieldDrawing
{
    public static void Draw(SKCanvas canvas, Mood mood, Random random, int size)
    {
        canvas.Clear(Palette.Background(mood, random));
        int shapes = random.Next(4, 9);
        for (int i = 0; i < shapes; i++)
        {
            float x = (float)random.Uniform(0, size), y = (float)random.Uniform(0, size);
            float r = (float)random.Uniform(4, 14);
            switch (mood)
            {
                case Mood.Positive:
                    using (var paint = Palette.Fill(Palette.Warm(random)))
                    {
                        if (random.NextDouble() < 0.7) canvas.DrawCircle(x, y, r, paint);
                        else
                        {
                            using var star = Star(x, y, r, random.Next(5, 8));
                            canvas.DrawPath(star, paint);
                        }
                    }
                    break;
                case Mood.Negative:
                    using (var paint = Palette.Fill(Palette.Gloomy(random)))
                    using (var shard = Shard(x, y, r, random))
                        canvas.DrawPath(shard, paint);
                    break;
                default:
                    using (var paint = Palette.Fill(Palette.Muted(random)))
                    {
                        if (random.NextDouble() < 0.5) canvas.DrawRect(x - r, y - r, 2 * r, 2 * r, paint);
                        else canvas.DrawRect(x - r, y - 2, 2 * r, 4, paint);
                    }
                    break;
            }
        }
    }

    private static SKPath Star(float cx, float cy, float r, int points)
    {
        var path = new SKPath();
        for (int i = 0; i < points * 2; i++)
        {
            double a = Math.PI * i / points - Math.PI / 2;
            float radius = i % 2 == 0 ? r : r * 0.45f;
            float x = cx + (float)Math.Cos(a) * radius, y = cy + (float)Math.Sin(a) * radius;
            if (i == 0) path.MoveTo(x, y); else path.LineTo(x, y);
        }
        path.Close();
        return path;
    }

    private static SKPath Shard(float cx, float cy, float r, Random random)
    {
        var path = new SKPath();
        int corners = random.Next(3, 6);
        for (int i = 0; i < corners; i++)
        {
            double a = 2 * Math.PI * i / corners + random.Uniform(-0.4, 0.4);
            float radius = r * (float)random.Uniform(0.4, 1.5);
            float x = cx + (float)Math.Cos(a) * radius, y = cy + (float)Math.Sin(a) * radius;
            if (i == 0) path.MoveTo(x, y); else path.LineTo(x, y);
        }
        path.Close();
        return path;
    }
}
