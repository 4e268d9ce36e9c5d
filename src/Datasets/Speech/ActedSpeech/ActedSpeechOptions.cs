namespace MsaMl.Datasets.Speech;

/// <summary>Options every acted-speech reader (RAVDESS, CREMA-D, TESS, EmoDB) shares.</summary>
public abstract class ActedSpeechOptions
{
    /// <summary>The corpus folder; WAV files are found in it and below it.</summary>
    public string RootFolder { get; set; } = "";

    /// <summary>Fixed speaker lists (default) or one split per speaker.</summary>
    public SpeakerSplitProtocol SplitProtocol { get; set; } = SpeakerSplitProtocol.FixedSpeakers;

    /// <summary>Test speakers for <see cref="SpeakerSplitProtocol.FixedSpeakers"/>, as <see cref="MultimodalRecord.Speaker"/> writes them; null: the corpus default.</summary>
    public IReadOnlyList<string>? TestSpeakers { get; set; }

    /// <summary>Validation speakers for <see cref="SpeakerSplitProtocol.FixedSpeakers"/>; null: the corpus default.</summary>
    public IReadOnlyList<string>? ValidationSpeakers { get; set; }

    internal string SplitOf(string speaker, IReadOnlyList<string> defaultTest, IReadOnlyList<string> defaultValidation)
    {
        if (SplitProtocol == SpeakerSplitProtocol.SpeakerName) return speaker;
        if ((TestSpeakers ?? defaultTest).Contains(speaker)) return SplitNames.Test;
        return (ValidationSpeakers ?? defaultValidation).Contains(speaker) ? SplitNames.Validation : SplitNames.Train;
    }

    internal void Check(string corpus, string expectation)
    {
        if (string.IsNullOrWhiteSpace(RootFolder))
            throw new ArgumentException($"{corpus}: RootFolder is empty; {expectation}");
        var overlap = (TestSpeakers ?? []).Intersect(ValidationSpeakers ?? []).ToList();
        if (overlap.Count > 0)
            throw new ArgumentException($"{corpus}: speaker(s) {string.Join(", ", overlap)} are in both TestSpeakers and ValidationSpeakers; a speaker belongs to one split");
    }

    internal string DescribeSplit(IReadOnlyList<string> defaultTest, IReadOnlyList<string> defaultValidation) =>
        SplitProtocol == SpeakerSplitProtocol.SpeakerName
            ? "split by speaker"
            : $"test speakers {string.Join(" ", TestSpeakers ?? defaultTest)}, validation speakers {((ValidationSpeakers ?? defaultValidation).Count == 0 ? "none" : string.Join(" ", ValidationSpeakers ?? defaultValidation))}";
}
