namespace MsaMl.Datasets.Speech;

/// <summary>
/// An EmoDB file name, <c>SSTTTEV.wav</c>: speaker (03 08 09 10 11 12 13 14 15 16; 03 10 11 12 15
/// male), text code (a01 a02 a04 a05 a07 b01 b02 b03 b09 b10), emotion letter (W anger, L boredom,
/// E disgust, A fear, F happiness, T sadness, N neutral) and version letter.
/// </summary>
public sealed record EmoDbFileName(string Speaker, string Text, char Emotion, char Version)
{
    public static readonly IReadOnlyDictionary<string, string> Genders = new Dictionary<string, string>
    {
        ["03"] = "male", ["10"] = "male", ["11"] = "male", ["12"] = "male", ["15"] = "male",
        ["08"] = "female", ["09"] = "female", ["13"] = "female", ["14"] = "female", ["16"] = "female",
    };

    /// <summary>The ten sentences, from the corpus documentation.</summary>
    public static readonly IReadOnlyDictionary<string, string> Texts = new Dictionary<string, string>
    {
        ["a01"] = "Der Lappen liegt auf dem Eisschrank.",
        ["a02"] = "Das will sie am Mittwoch abgeben.",
        ["a04"] = "Heute abend könnte ich es ihm sagen.",
        ["a05"] = "Das schwarze Stück Papier befindet sich da oben neben dem Holzstück.",
        ["a07"] = "In sieben Stunden wird es soweit sein.",
        ["b01"] = "Was sind denn das für Tüten, die da unter dem Tisch stehen?",
        ["b02"] = "Sie haben es gerade hochgetragen und jetzt gehen sie wieder runter.",
        ["b03"] = "An den Wochenenden bin ich jetzt immer nach Hause gefahren und habe Agnes besucht.",
        ["b09"] = "Ich will das eben wegbringen und dann mit Karl was trinken gehen.",
        ["b10"] = "Die wird auf dem Platz sein, wo wir sie immer hinlegen.",
    };

    public static readonly IReadOnlyDictionary<char, string> Emotions = new Dictionary<char, string>
    {
        ['W'] = EmotionVocabulary.Angry, ['L'] = EmotionVocabulary.Boredom, ['E'] = EmotionVocabulary.Disgust,
        ['A'] = EmotionVocabulary.Fear, ['F'] = EmotionVocabulary.Happy, ['T'] = EmotionVocabulary.Sad, ['N'] = EmotionVocabulary.Neutral,
    };

    public static EmoDbFileName? TryParse(string fileName, out string problem)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        if (stem.Length != 7)
            problem = "name not of the form SSTTTEV (7 characters)";
        else if (!Genders.ContainsKey(stem[..2]))
            problem = "speaker not one of 03 08 09 10 11 12 13 14 15 16";
        else if (!Texts.ContainsKey(stem[2..5]))
            problem = "text code not one of a01 a02 a04 a05 a07 b01 b02 b03 b09 b10";
        else if (!Emotions.ContainsKey(stem[5]))
            problem = "emotion letter not W, L, E, A, F, T or N";
        else if (!char.IsAsciiLetterLower(stem[6]))
            problem = "version not a lower-case letter";
        else
        {
            problem = "";
            return new EmoDbFileName(stem[..2], stem[2..5], stem[5], stem[6]);
        }
        return null;
    }
}
