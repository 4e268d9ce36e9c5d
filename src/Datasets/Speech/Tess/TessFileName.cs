namespace MsaMl.Datasets.Speech;

/// <summary>
/// A TESS file name, <c>&lt;speaker&gt;_&lt;word&gt;_&lt;emotion&gt;.wav</c>: speaker OAF or YAF (both
/// female), the target word of "Say the word …", emotion angry, disgust, fear, happy, neutral,
/// ps (pleasant surprise) or sad. Case is ignored (copies differ).
/// </summary>
public sealed record TessFileName(string Speaker, string Word, string Emotion)
{
    public static readonly IReadOnlyDictionary<string, string> Emotions = new Dictionary<string, string>
    {
        ["angry"] = EmotionVocabulary.Angry, ["disgust"] = EmotionVocabulary.Disgust, ["fear"] = EmotionVocabulary.Fear,
        ["happy"] = EmotionVocabulary.Happy, ["neutral"] = EmotionVocabulary.Neutral, ["ps"] = EmotionVocabulary.Surprise,
        ["sad"] = EmotionVocabulary.Sad,
    };

    public string Text => $"Say the word {Word}";

    public static TessFileName? TryParse(string fileName, out string problem)
    {
        var parts = Path.GetFileNameWithoutExtension(fileName).Split('_');
        if (parts.Length != 3 || parts[1].Length == 0 || !parts[1].All(char.IsAsciiLetter))
            problem = "name not of the form <speaker>_<word>_<emotion>";
        else if (parts[0].ToUpperInvariant() is not ("OAF" or "YAF"))
            problem = "speaker not OAF or YAF";
        else if (!Emotions.ContainsKey(parts[2].ToLowerInvariant()))
            problem = "emotion not angry, disgust, fear, happy, neutral, ps or sad";
        else
        {
            problem = "";
            return new TessFileName(parts[0].ToUpperInvariant(), parts[1].ToLowerInvariant(), parts[2].ToLowerInvariant());
        }
        return null;
    }
}
