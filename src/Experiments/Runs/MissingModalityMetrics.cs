using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>A trained model's metrics on the test split with the inputs of <paramref name="Missing"/> empty in every row.</summary>
/// <param name="Given">The modalities the model still received.</param>
/// <param name="Missing">The modalities emptied.</param>
/// <param name="Metrics">The task's metrics on those rows.</param>
public sealed record MissingModalityMetrics(Modalities Given, Modalities Missing, INamedMetrics Metrics)
{
    /// <summary>
    /// Every non-empty proper subset of <paramref name="reads"/>, fewest first, then in input order
    /// (audio, image, text, visual): for three modalities the three single ones, then the three pairs.
    /// </summary>
    public static IReadOnlyList<Modalities> SubsetsToBlank(Modalities reads)
    {
        var members = reads.Members();
        var subsets = new List<Modalities>();
        for (int mask = 1; mask < (1 << members.Count) - 1; mask++)
            subsets.Add(members.Where((_, i) => (mask & (1 << i)) != 0).Aggregate(Modalities.None, (set, m) => set | m));
        // Within a size, a subset holding an earlier modality comes first (audio + text before text + visual).
        int Weight(Modalities subset) => members.Select((m, i) => subset.HasFlag(m) ? 1 << (members.Count - 1 - i) : 0).Sum();
        return subsets.OrderBy(s => s.Members().Count).ThenByDescending(Weight).ToList();
    }
}
