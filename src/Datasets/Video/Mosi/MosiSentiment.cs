namespace MsaMl.Datasets.Video;

/// <summary>
/// The class views MMSA derives from the [-3, 3] sentiment score, so results compare with it.
/// Rounding is to the nearest even integer at .5, as numpy's <c>round</c>.
/// </summary>
public static class MosiSentiment
{
    /// <summary>positive (&gt; 0), negative (&lt; 0) or neutral (0).</summary>
    public static string ThreeClass(float score) => score > 0 ? "positive" : score < 0 ? "negative" : "neutral";

    /// <summary>
    /// CH-SIMS's three classes as MMSA bins them: negative in [-1, -0.1], neutral in (-0.1, 0.1],
    /// positive in (0.1, 1] (compared in single precision, as numpy compares float32 labels).
    /// </summary>
    public static string SimsThreeClass(float score) => score <= -0.1f ? "negative" : score <= 0.1f ? "neutral" : "positive";

    /// <summary>MMSA's "Has0" binary view: non-negative (&gt;= 0, zeros included) or negative.</summary>
    public static string Has0Binary(float score) => score >= 0 ? "non-negative" : "negative";

    /// <summary>MMSA's "Non0" binary view: positive or negative; null for a zero score, which that view leaves out.</summary>
    public static string? Non0Binary(float score) => score > 0 ? "positive" : score < 0 ? "negative" : null;

    /// <summary>The 7-class view: the score clipped to [-3, 3] and rounded, -3 to 3.</summary>
    public static int SevenClass(float score) => (int)MathF.Round(Math.Clamp(score, -3f, 3f), MidpointRounding.ToEven);

    /// <summary>The 5-class view: the score clipped to [-2, 2] and rounded, -2 to 2.</summary>
    public static int FiveClass(float score) => (int)MathF.Round(Math.Clamp(score, -2f, 2f), MidpointRounding.ToEven);
}
