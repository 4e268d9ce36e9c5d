using System.Text;

namespace MsaMl.Datasets;

/// <summary>Counts per label and split of a dataset, for reports and for users to check what was read.</summary>
public sealed record DatasetSummary(
    string Name,
    int Rows,
    IReadOnlyDictionary<string, int> PerLabel,
    IReadOnlyDictionary<string, int> PerSplit,
    IReadOnlyDictionary<(string Split, string Label), int> PerSplitAndLabel,
    int WarningCount)
{
    public static DatasetSummary Of(string name, IEnumerable<MultimodalRecord> records, IReadOnlyList<string> warnings)
    {
        var list = records.ToList();
        return new DatasetSummary(
            name,
            list.Count,
            list.GroupBy(r => r.Label).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            list.GroupBy(r => r.Split).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count()),
            list.GroupBy(r => (r.Split, r.Label)).ToDictionary(g => g.Key, g => g.Count()),
            warnings.Count);
    }

    public override string ToString()
    {
        var text = new StringBuilder($"{Name}: {Rows} rows");
        text.Append("; labels: ").Append(string.Join(", ", PerLabel.Select(p => $"{p.Key}={p.Value}")));
        text.Append("; splits: ").Append(string.Join(", ", PerSplit.Select(p => $"{p.Key}={p.Value}")));
        if (WarningCount > 0) text.Append($"; {WarningCount} warning(s)");
        return text.ToString();
    }
}
