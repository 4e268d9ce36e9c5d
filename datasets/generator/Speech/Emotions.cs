namespace MsaMl.DemoCorpus.Speech;

/// <summary>The four emotion labels of the speech part.</summary>
public static class Emotions
{
    public const string Neutral = "neutral";
    public const string Happy = "happy";
    public const string Sad = "sad";
    public const string Angry = "angry";

    public static readonly IReadOnlyList<string> All = [Neutral, Happy, Sad, Angry];
}
