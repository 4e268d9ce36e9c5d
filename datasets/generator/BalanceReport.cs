namespace MsaMl.DemoCorpus;

/// <summary>Prints counts per split x label and per cue as a Markdown table (pasted into the corpus README).</summary>
public static class BalanceReport
{
    public static void Write(TextWriter output, string name, IReadOnlyList<CorpusRow> rows)
    {
        var labels = rows.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine($"{name}: {rows.Count} rows");
        output.WriteLine($"| split | {string.Join(" | ", labels)} | total |");
        output.WriteLine($"|---|{string.Concat(labels.Select(_ => "---|"))}---|");
        foreach (var split in new[] { Splits.Train, Splits.Validation, Splits.Test })
        {
            var inSplit = rows.Where(r => r.Split == split).ToList();
            output.WriteLine($"| {split} | {string.Join(" | ", labels.Select(l => inSplit.Count(r => r.Label == l)))} | {inSplit.Count} |");
        }
        output.WriteLine("cue: " + string.Join(", ", rows.GroupBy(r => r.Cue).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key}={g.Count()}")));
    }
}
