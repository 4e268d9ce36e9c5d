namespace MsaMl.Datasets.Speech;

/// <summary>IEMOCAP's category codes and the label sets built from them.</summary>
public static class IemocapLabels
{
    /// <summary>The label of utterances on which the annotators did not agree.</summary>
    public const string NoAgreement = "xxx";

    /// <summary>The ten categories, in the dataset's usual order.</summary>
    public static IReadOnlyList<string> TenClass { get; } = ["neu", "fru", "ang", "sad", "hap", "exc", "sur", "fea", "dis", "oth"];

    /// <summary>The four-class set.</summary>
    public static IReadOnlyList<string> FourClass { get; } = ["ang", "hap", "neu", "sad"];

    /// <summary>The labels of <paramref name="labelSet"/>.</summary>
    public static IReadOnlyList<string> Of(IemocapLabelSet labelSet) =>
        labelSet == IemocapLabelSet.FourClass ? FourClass : TenClass;

    /// <summary>True for the ten categories and <see cref="NoAgreement"/>.</summary>
    public static bool IsKnown(string code) => code == NoAgreement || TenClass.Contains(code);

    /// <summary>
    /// The label an utterance with category <paramref name="code"/> gets in <paramref name="labelSet"/>,
    /// or null when it is not part of that set.
    /// </summary>
    public static string? Map(string code, IemocapLabelSet labelSet, bool keepNoAgreement = false)
    {
        if (labelSet == IemocapLabelSet.FourClass)
            return code switch { "exc" => "hap", "ang" or "hap" or "neu" or "sad" => code, _ => null };
        if (code == NoAgreement) return keepNoAgreement ? code : null;
        return TenClass.Contains(code) ? code : null;
    }
}
