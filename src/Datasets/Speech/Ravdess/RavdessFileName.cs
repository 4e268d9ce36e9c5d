namespace MsaMl.Datasets.Speech;

/// <summary>
/// A RAVDESS file name, <c>MM-VV-EE-II-SS-RR-AA.wav</c>: modality (01 audio-video, 02 video-only,
/// 03 audio-only), vocal channel (01 speech, 02 song), emotion (01 neutral, 02 calm, 03 happy, 04 sad,
/// 05 angry, 06 fearful, 07 disgust, 08 surprised), intensity (01 normal, 02 strong), statement
/// (01 "Kids are talking by the door", 02 "Dogs are sitting by the door"), repetition (01, 02),
/// actor (01 to 24; odd male, even female).
/// </summary>
public sealed record RavdessFileName(int Modality, int VocalChannel, int Emotion, int Intensity, int Statement, int Repetition, int Actor)
{
    public static readonly IReadOnlyDictionary<int, string> Emotions = new Dictionary<int, string>
    {
        [1] = EmotionVocabulary.Neutral, [2] = EmotionVocabulary.Calm, [3] = EmotionVocabulary.Happy, [4] = EmotionVocabulary.Sad,
        [5] = EmotionVocabulary.Angry, [6] = EmotionVocabulary.Fear, [7] = EmotionVocabulary.Disgust, [8] = EmotionVocabulary.Surprise,
    };

    public static readonly IReadOnlyDictionary<int, string> Statements = new Dictionary<int, string>
    {
        [1] = "Kids are talking by the door",
        [2] = "Dogs are sitting by the door",
    };

    public string Speaker => $"Actor_{Actor:D2}";
    public string Gender => Actor % 2 == 1 ? "male" : "female";

    /// <summary>Parses a file name (with or without <c>.wav</c>); null with the reason when it is not a RAVDESS name.</summary>
    public static RavdessFileName? TryParse(string fileName, out string problem)
    {
        string stem = Path.GetFileNameWithoutExtension(fileName);
        var parts = stem.Split('-');
        var values = new int[7];
        if (parts.Length != 7 || parts.Any(p => p.Length != 2 || !p.All(char.IsAsciiDigit)))
        {
            problem = "name not of the form MM-VV-EE-II-SS-RR-AA (seven two-digit fields)";
            return null;
        }
        for (int i = 0; i < 7; i++) values[i] = int.Parse(parts[i]);
        problem = values switch
        {
            [< 1 or > 3, ..] => "modality not 01, 02 or 03",
            [_, < 1 or > 2, ..] => "vocal channel not 01 (speech) or 02 (song)",
            [_, _, < 1 or > 8, ..] => "emotion not 01 to 08",
            [_, _, _, < 1 or > 2, ..] => "intensity not 01 (normal) or 02 (strong)",
            [_, _, _, _, < 1 or > 2, ..] => "statement not 01 or 02",
            [_, _, _, _, _, < 1 or > 2, _] => "repetition not 01 or 02",
            [_, _, _, _, _, _, < 1 or > 24] => "actor not 01 to 24",
            _ => "",
        };
        return problem.Length > 0 ? null : new RavdessFileName(values[0], values[1], values[2], values[3], values[4], values[5], values[6]);
    }
}
