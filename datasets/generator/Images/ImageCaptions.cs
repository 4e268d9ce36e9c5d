namespace MsaMl.DemoCorpus.Images;

/// <summary>
/// Captions. Neutral ones only name what is shown, so the image must decide; worded ones say the
/// sentiment, some about the kind of picture and some generic.
/// </summary>
public static class ImageCaptions
{
    public static readonly IReadOnlyDictionary<PictureKind, IReadOnlyList<string>> Neutral = new Dictionary<PictureKind, IReadOnlyList<string>>
    {
        [PictureKind.Face] = ["a picture of a face", "a drawing of a face", "a face in a frame", "a portrait of someone"],
        [PictureKind.Scene] = ["a scene outdoors", "a view of the sky and the ground", "a landscape picture", "an outdoor view"],
        [PictureKind.ColourField] = ["an abstract image", "some shapes and colours", "a pattern of shapes", "a few blobs of colour"],
    };

    private static readonly IReadOnlyList<string> PositiveGeneric = ["a lovely happy day", "what a great picture", "so pleasant and cheerful"];
    private static readonly IReadOnlyList<string> NegativeGeneric = ["a horrible gloomy mess", "what an awful picture", "so dreary and sad"];

    private static readonly IReadOnlyDictionary<PictureKind, IReadOnlyList<string>> PositiveByKind = new Dictionary<PictureKind, IReadOnlyList<string>>
    {
        [PictureKind.Face] = ["a cheerful smiling face", "a happy friendly person", "someone grinning with joy"],
        [PictureKind.Scene] = ["a lovely sunny day", "a beautiful bright morning", "a wonderful day outside"],
        [PictureKind.ColourField] = ["a joyful burst of warm colour", "a delightful bright picture", "pure happiness in paint"],
    };

    private static readonly IReadOnlyDictionary<PictureKind, IReadOnlyList<string>> NegativeByKind = new Dictionary<PictureKind, IReadOnlyList<string>>
    {
        [PictureKind.Face] = ["a sad frowning face", "an angry unhappy person", "someone miserable and upset"],
        [PictureKind.Scene] = ["a horrible stormy night", "a bleak gloomy afternoon", "a dreadful rainy day"],
        [PictureKind.ColourField] = ["a depressing dark smudge", "an ugly murky picture", "a grim cold pattern"],
    };

    /// <summary>The worded captions of a label for a kind of picture: kind-specific ones plus the generic ones.</summary>
    public static IReadOnlyList<string> Worded(string label, PictureKind kind) => label == ImageCorpus.Positive
        ? [.. PositiveByKind[kind], .. PositiveGeneric]
        : [.. NegativeByKind[kind], .. NegativeGeneric];
}
