namespace MsaMl.Datasets.Speech;

/// <summary>
/// A CREMA-D file name, <c>AAAA_SSS_EEE_LL.wav</c>: actor 1001 to 1091, one of the 12 sentence
/// codes, emotion (ANG, DIS, FEA, HAP, NEU, SAD) and level (LO, MD, HI, XX = unspecified).
/// </summary>
public sealed record CremaDFileName(int Actor, string Sentence, string Emotion, string Level)
{
    public static readonly IReadOnlyDictionary<string, string> Sentences = new Dictionary<string, string>
    {
        ["IEO"] = "It's eleven o'clock",
        ["TIE"] = "That is exactly what happened",
        ["IOM"] = "I'm on my way to the meeting",
        ["IWW"] = "I wonder what this is about",
        ["TAI"] = "The airplane is almost full",
        ["MTI"] = "Maybe tomorrow it will be cold",
        ["IWL"] = "I would like a new alarm clock",
        ["ITH"] = "I think I have a doctor's appointment",
        ["DFA"] = "Don't forget a jacket",
        ["ITS"] = "I think I've seen this before",
        ["TSI"] = "The surface is slick",
        ["WSI"] = "We'll stop in a couple of minutes",
    };

    public static readonly IReadOnlyDictionary<string, string> Emotions = new Dictionary<string, string>
    {
        ["ANG"] = EmotionVocabulary.Angry, ["DIS"] = EmotionVocabulary.Disgust, ["FEA"] = EmotionVocabulary.Fear,
        ["HAP"] = EmotionVocabulary.Happy, ["NEU"] = EmotionVocabulary.Neutral, ["SAD"] = EmotionVocabulary.Sad,
    };

    public static readonly IReadOnlyDictionary<string, string> Levels = new Dictionary<string, string>
    {
        ["LO"] = "low", ["MD"] = "medium", ["HI"] = "high", ["XX"] = "unspecified",
    };

    public string Speaker => Actor.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a file name (with or without <c>.wav</c>); null with the reason when it is not a CREMA-D name.</summary>
    public static CremaDFileName? TryParse(string fileName, out string problem)
    {
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('_');
        if (parts.Length != 4 || parts[0].Length != 4 || !parts[0].All(char.IsAsciiDigit))
            problem = "name not of the form AAAA_SSS_EEE_LL";
        else if (int.Parse(parts[0]) is < 1001 or > 1091)
            problem = "actor not 1001 to 1091";
        else if (!Sentences.ContainsKey(parts[1]))
            problem = "sentence code not one of the 12 (IEO, TIE, IOM, IWW, TAI, MTI, IWL, ITH, DFA, ITS, TSI, WSI)";
        else if (!Emotions.ContainsKey(parts[2]))
            problem = "emotion not ANG, DIS, FEA, HAP, NEU or SAD";
        else if (!Levels.ContainsKey(parts[3]))
            problem = "level not LO, MD, HI or XX";
        else
        {
            problem = "";
            return new CremaDFileName(int.Parse(parts[0]), parts[1], parts[2], parts[3]);
        }
        return null;
    }
}
