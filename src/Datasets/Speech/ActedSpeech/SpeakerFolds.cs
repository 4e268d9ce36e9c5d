namespace MsaMl.Datasets.Speech;

/// <summary>Speaker-independent folds over acted-speech records.</summary>
public static class SpeakerFolds
{
    /// <summary>One fold per speaker (in ordinal order of the speaker id): that speaker's rows test, all others train.</summary>
    public static IReadOnlyList<SpeakerFold> LeaveOneSpeakerOut(IEnumerable<ActedSpeechRecord> records)
    {
        var list = records.ToList();
        return list.Select(r => r.Speaker).Distinct().Order(StringComparer.Ordinal)
            .Select(s => new SpeakerFold(s, list.Where(r => r.Speaker != s).ToList(), list.Where(r => r.Speaker == s).ToList()))
            .ToList();
    }
}
