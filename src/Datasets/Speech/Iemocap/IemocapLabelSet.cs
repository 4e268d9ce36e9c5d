namespace MsaMl.Datasets.Speech;

/// <summary>Which IEMOCAP categories become labels.</summary>
public enum IemocapLabelSet
{
    /// <summary>All ten categories: neu, fru, ang, sad, hap, exc, sur, fea, dis, oth (as in the original system).</summary>
    TenClass,

    /// <summary>The common four-class set: ang, hap (hap and exc merged), neu, sad; other utterances are dropped.</summary>
    FourClass,
}
