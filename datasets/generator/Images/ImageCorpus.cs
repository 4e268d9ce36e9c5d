using SkiaSharp;

namespace MsaMl.DemoCorpus.Images;

/// <summary>
/// The image + caption part: per label, a third of the rows pair a sentiment picture with a
/// neutral caption (cue "image"), a third a neutral picture with a worded caption (cue "text"),
/// and a third a sentiment picture with a worded caption (cue "both").
/// </summary>
public static class ImageCorpus
{
    public const string Positive = "positive";
    public const string Negative = "negative";
    public const string TableFile = "images.tsv";
    public const string ImageFolder = "images";
    public const int Size = 64;

    private static readonly IReadOnlyList<PictureKind> Kinds = Enum.GetValues<PictureKind>();

    private sealed record Picture(CorpusRow Row, PictureKind Kind, Mood Mood);

    public static IReadOnlyList<CorpusRow> Generate(string demoFolder, int perLabel, int seed, TextWriter log)
    {
        var random = new Random(seed);
        var pictures = Plan(random, perLabel);
        var rows = pictures.Select(p => p.Row).ToList();
        Splits.Assign(rows, random);

        string imageFolder = Path.Combine(demoFolder, ImageFolder);
        if (Directory.Exists(imageFolder)) Directory.Delete(imageFolder, recursive: true);
        Directory.CreateDirectory(imageFolder);
        foreach (var picture in pictures)
            File.WriteAllBytes(Path.Combine(demoFolder, picture.Row.RelativePath), Render(picture, random));
        log.WriteLine($"images: {pictures.Count} pictures written to {imageFolder}");

        CorpusTsv.Write(Path.Combine(demoFolder, TableFile), rows);
        return rows;
    }

    private static List<Picture> Plan(Random random, int perLabel)
    {
        var planned = new List<(string Label, string Cue, PictureKind Kind, Mood Mood, string Caption)>();
        var neutralCaptions = Kinds.ToDictionary(k => k, k => random.Cycle(ImageCaptions.Neutral[k]));
        foreach (var label in new[] { Positive, Negative })
        {
            var mood = label == Positive ? Mood.Positive : Mood.Negative;
            var kinds = random.Cycle(Kinds);
            var worded = Kinds.ToDictionary(k => k, k => random.Cycle(ImageCaptions.Worded(label, k)));
            for (int i = 0; i < perLabel; i++)
            {
                var kind = Next(kinds);
                switch (i % 3)
                {
                    case 0: planned.Add((label, "image", kind, mood, Next(neutralCaptions[kind]))); break;
                    case 1: planned.Add((label, "text", kind, Mood.Neutral, Next(worded[kind]))); break;
                    default: planned.Add((label, "both", kind, mood, Next(worded[kind]))); break;
                }
            }
        }

        // numbered after shuffling, so ids say nothing about the label
        var order = planned.ToArray();
        random.Shuffle(order);
        return order.Select((p, index) =>
        {
            string id = $"im{index + 1:D3}";
            return new Picture(new CorpusRow(id, p.Label, p.Cue, p.Caption, $"{ImageFolder}/{id}.png"), p.Kind, p.Mood);
        }).ToList();
    }

    private static byte[] Render(Picture picture, Random random)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(Size, Size, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            switch (picture.Kind)
            {
                case PictureKind.Face: FaceDrawing.Draw(canvas, picture.Mood, random, Size); break;
                case PictureKind.Scene: SceneDrawing.Draw(canvas, picture.Mood, random, Size); break;
                default: ColourFieldDrawing.Draw(canvas, picture.Mood, random, Size); break;
            }
            ImageNoise.AddSpecks(canvas, random, Size);
        }
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    private static T Next<T>(IEnumerator<T> cycle)
    {
        cycle.MoveNext();
        return cycle.Current;
    }
}
