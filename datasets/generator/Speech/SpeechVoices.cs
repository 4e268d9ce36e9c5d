namespace MsaMl.DemoCorpus.Speech;

/// <summary>espeak-ng voices (language + voice variant) that read the corpus: four male, three female, one Klatt.</summary>
public static class SpeechVoices
{
    public static readonly IReadOnlyList<string> All =
    [
        "en+m1",
        "en+f2",
        "en-us+m3",
        "en+f4",
        "en-gb+m7",
        "en+klatt",
        "en-us+f3",
        "en-gb-scotland+m4",
    ];
}
