namespace MsaMl.Datasets;

/// <summary>What <see cref="GroupStratifiedSplit.Assign{TRecord}"/> did: how many groups and records each split received.</summary>
/// <param name="Groups">Number of distinct groups (a record without a group value counts as a group of its own).</param>
/// <param name="GroupsPerSplit">Groups per split name (<see cref="SplitNames"/>); a split with a zero fraction is absent.</param>
/// <param name="RecordsPerSplit">Records per split name; a split with a zero fraction is absent.</param>
public sealed record GroupSplitResult(
    int Groups,
    IReadOnlyDictionary<string, int> GroupsPerSplit,
    IReadOnlyDictionary<string, int> RecordsPerSplit)
{
    /// <summary>The splits that were asked for (fraction above 0) but received no record, because the groups were too few or too large.</summary>
    public IReadOnlyList<string> EmptySplits => RecordsPerSplit.Where(p => p.Value == 0).Select(p => p.Key).ToList();
}
