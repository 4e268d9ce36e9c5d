using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>
/// A face: smiling (positive), frowning with sad or angry brows or a tear (negative), or a
/// straight, barely curved mouth (neutral). Position, size, colours and stroke widths vary.
/// </summary>
public static class FaceDrawing
{
    public static void Draw(SKCanvas canvas, Mood mood, Random random, int size)
    {
        canvas.Clear(Palette.Background(mood, random));
        float radius = (float)random.Uniform(size * 0.25, size * 0.42);
        float cx = (float)random.Uniform(radius + 1, size - radius - 1);
        float cy = (float)random.Uniform(radius + 1, size - radius - 1);
        var skin = mood switch
        {
            Mood.Positive => Palette.Warm(random),
            Mood.Negative => Palette.Hsv(random, 60, 230, 10, 40, 45, 80),
            _ => Palette.Hsv(random, 20, 45, 15, 45, 60, 95),
        };
        var ink = Palette.Hsv(random, 0, 360, 0, 40, 0, 25);
        using (var face = Palette.Fill(skin)) canvas.DrawCircle(cx, cy, radius, face);
        using (var outline = Palette.Stroke(ink, (float)random.Uniform(0.8, 1.8))) canvas.DrawCircle(cx, cy, radius, outline);

        float eyeDx = radius * (float)random.Uniform(0.3, 0.42);
        float eyeY = cy - radius * (float)random.Uniform(0.2, 0.35);
        float eyeR = radius * (float)random.Uniform(0.08, 0.14);
        using (var eye = Palette.Fill(ink))
        {
            canvas.DrawCircle(cx - eyeDx, eyeY, eyeR, eye);
            canvas.DrawCircle(cx + eyeDx, eyeY, eyeR, eye);
        }

        using var pen = Palette.Stroke(ink, (float)Math.Max(1.2, radius * random.Uniform(0.08, 0.13)));
        float mouthY = cy + radius * (float)random.Uniform(0.3, 0.5);
        float mouthHalf = radius * (float)random.Uniform(0.35, 0.6);
        // the control point below the corners makes a smile, above them a frown
        float bend = mood switch
        {
            Mood.Positive => radius * (float)random.Uniform(0.3, 0.6),
            Mood.Negative => -radius * (float)random.Uniform(0.3, 0.6),
            _ => radius * (float)random.Uniform(-0.06, 0.06),
        };
        using (var mouth = new SKPath())
        {
            mouth.MoveTo(cx - mouthHalf, mouthY);
            mouth.QuadTo(cx, mouthY + bend, cx + mouthHalf, mouthY);
            canvas.DrawPath(mouth, pen);
        }

        if (mood == Mood.Negative) DrawDistress(canvas, random, cx, eyeY, eyeDx, eyeR, pen);
    }

    private static void DrawDistress(SKCanvas canvas, Random random, float cx, float eyeY, float eyeDx, float eyeR, SKPaint pen)
    {
        float browY = eyeY - eyeR * 2.2f;
        switch (random.Next(3))
        {
            case 0: // angry brows slope down towards the nose
                canvas.DrawLine(cx - eyeDx - eyeR * 2, browY - eyeR, cx - eyeDx + eyeR * 2, browY + eyeR, pen);
                canvas.DrawLine(cx + eyeDx + eyeR * 2, browY - eyeR, cx + eyeDx - eyeR * 2, browY + eyeR, pen);
                break;
            case 1: // sad brows slope up towards the nose
                canvas.DrawLine(cx - eyeDx - eyeR * 2, browY + eyeR, cx - eyeDx + eyeR * 2, browY - eyeR, pen);
                canvas.DrawLine(cx + eyeDx + eyeR * 2, browY + eyeR, cx + eyeDx - eyeR * 2, browY - eyeR, pen);
                break;
            default:
                using (var tear = Palette.Fill(Palette.Hsv(random, 190, 220, 50, 90, 80, 100)))
                    canvas.DrawOval(cx + eyeDx, eyeY + eyeR * 3, eyeR * 0.8f, eyeR * 1.4f, tear);
                break;
        }
    }
}
