namespace MsaMl.Datasets;

/// <summary>Builds a reader's warnings: one line per kind of problem, with its count and the first few ids.</summary>
internal static class WarningList
{
    private const int ShownIds = 10;

    /// <summary>"{count} {what}: id1, id2, ... (and N more)"; nothing when <paramref name="ids"/> is empty.</summary>
    public static void AddCounted(List<string> warnings, string what, IReadOnlyCollection<string> ids)
    {
        if (ids.Count == 0) return;
        string shown = string.Join(", ", ids.Take(ShownIds));
        string more = ids.Count > ShownIds ? $" (and {ids.Count - ShownIds} more)" : "";
        warnings.Add($"{ids.Count} {what}: {shown}{more}");
    }
}
