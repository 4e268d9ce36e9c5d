namespace MsaMl.Datasets.Images;

/// <summary>
/// The usual MVSA label cleaning (Xu and Mao, 2017, and later work): majority vote per modality
/// over the annotators, then one joint label from the text and image labels.
/// </summary>
public static class MvsaLabelRules
{
    public const string Positive = "positive";
    public const string Neutral = "neutral";
    public const string Negative = "negative";

    /// <summary>True for positive, neutral and negative.</summary>
    public static bool IsLabel(string label) => label is Positive or Neutral or Negative;

    /// <summary>The label with the most votes, or null when two labels tie for the most (e.g. positive, neutral, negative).</summary>
    public static string? MajorityVote(IReadOnlyList<string> votes)
    {
        var ranked = votes.GroupBy(v => v).Select(g => (Label: g.Key, Count: g.Count()))
            .OrderByDescending(x => x.Count).ToList();
        if (ranked.Count == 0) return null;
        return ranked.Count > 1 && ranked[1].Count == ranked[0].Count ? null : ranked[0].Label;
    }

    /// <summary>
    /// The joint label of a post: the common label when text and image agree; the other one when
    /// one of them is neutral; null (drop the post) when one is positive and the other negative.
    /// </summary>
    public static string? Joint(string textLabel, string imageLabel)
    {
        if (textLabel == imageLabel) return textLabel;
        if (textLabel == Neutral) return imageLabel;
        if (imageLabel == Neutral) return textLabel;
        return null;
    }
}
