namespace MsaMl.Datasets.Speech;

/// <summary>
/// One emotion vocabulary across the speech corpora MsaMl reads, so that a model trained on one
/// corpus can be scored on another on the classes they share. The mapping, corpus code → class:
/// <list type="table">
/// <item><term>neutral</term><description>RAVDESS 01, CREMA-D NEU, TESS neutral, EmoDB N, IEMOCAP neu</description></item>
/// <item><term>calm</term><description>RAVDESS 02 (only RAVDESS has it)</description></item>
/// <item><term>happy</term><description>RAVDESS 03, CREMA-D HAP, TESS happy, EmoDB F (Freude), IEMOCAP hap and exc (merged, as in the usual 4-class protocol)</description></item>
/// <item><term>sad</term><description>RAVDESS 04, CREMA-D SAD, TESS sad, EmoDB T (Trauer), IEMOCAP sad</description></item>
/// <item><term>angry</term><description>RAVDESS 05, CREMA-D ANG, TESS angry, EmoDB W (Ärger), IEMOCAP ang</description></item>
/// <item><term>fear</term><description>RAVDESS 06 (fearful), CREMA-D FEA, TESS fear, EmoDB A (Angst), IEMOCAP fea</description></item>
/// <item><term>disgust</term><description>RAVDESS 07, CREMA-D DIS, TESS disgust, EmoDB E (Ekel), IEMOCAP dis</description></item>
/// <item><term>surprise</term><description>RAVDESS 08 (surprised), TESS ps (pleasant surprise), IEMOCAP sur</description></item>
/// <item><term>boredom</term><description>EmoDB L (Langeweile)</description></item>
/// <item><term>frustration</term><description>IEMOCAP fru</description></item>
/// <item><term>other</term><description>IEMOCAP oth</description></item>
/// </list>
/// </summary>
public static class EmotionVocabulary
{
    public const string Neutral = "neutral";
    public const string Calm = "calm";
    public const string Happy = "happy";
    public const string Sad = "sad";
    public const string Angry = "angry";
    public const string Fear = "fear";
    public const string Disgust = "disgust";
    public const string Surprise = "surprise";
    public const string Boredom = "boredom";
    public const string Frustration = "frustration";
    public const string Other = "other";

    /// <summary>Every class, in a fixed order.</summary>
    public static IReadOnlyList<string> All { get; } = [Neutral, Calm, Happy, Sad, Angry, Fear, Disgust, Surprise, Boredom, Frustration, Other];

    /// <summary>IEMOCAP's category code in this vocabulary, or null for <c>xxx</c> and unknown codes.</summary>
    public static string? FromIemocap(string code) => code switch
    {
        "neu" => Neutral,
        "hap" or "exc" => Happy,
        "sad" => Sad,
        "ang" => Angry,
        "fea" => Fear,
        "dis" => Disgust,
        "sur" => Surprise,
        "fru" => Frustration,
        "oth" => Other,
        _ => null,
    };

    /// <summary>True when <paramref name="label"/> is one of <see cref="All"/>.</summary>
    public static bool Contains(string label) => All.Contains(label);
}
