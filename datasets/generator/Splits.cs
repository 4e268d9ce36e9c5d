namespace MsaMl.DemoCorpus;

/// <summary>Fixed 70/15/15 train/validation/test splits.</summary>
public static class Splits
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Test = "test";

    /// <summary>Stratified by label and cue: each (label, cue) group is split 70/15/15.</summary>
    public static void Assign(IReadOnlyList<CorpusRow> rows, Random random)
    {
        foreach (var group in rows.GroupBy(r => (r.Label, r.Cue)).OrderBy(g => g.Key.Label, StringComparer.Ordinal).ThenBy(g => g.Key.Cue, StringComparer.Ordinal))
        {
            var members = group.ToArray();
            random.Shuffle(members);
            for (int i = 0; i < members.Length; i++) members[i].Split = SplitOf(i, members.Length);
        }
    }

    /// <summary>Whole groups (rows with the same key) go to one split, 70/15/15 of the groups.</summary>
    public static void AssignGroups(IReadOnlyList<CorpusRow> rows, Func<CorpusRow, string> key, Random random)
    {
        var groups = rows.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal).ToArray();
        random.Shuffle(groups);
        for (int i = 0; i < groups.Length; i++)
            foreach (var row in groups[i]) row.Split = SplitOf(i, groups.Length);
    }

    private static string SplitOf(int index, int count)
    {
        int train = (int)Math.Round(count * 0.70, MidpointRounding.AwayFromZero);
        int validation = (int)Math.Round(count * 0.15, MidpointRounding.AwayFromZero);
        return index < train ? Train : index < train + validation ? Validation : Test;
    }
}
