namespace MsaMl.Experiments;

/// <summary>
/// The missing-modality robustness table of a report: model × {both modalities, audio/image blanked,
/// text blanked} accuracy, each blanked column with its change from the full-input accuracy.
/// The numbers come from the caller; this type lays them out.
/// </summary>
public sealed class MissingModalityTable
{
    private readonly List<MissingModalityRow> _rows = new();

    /// <summary>Creates an empty table.</summary>
    /// <param name="otherModalityName">The non-text modality, for the column header: "audio" (speech tasks) or "image".</param>
    public MissingModalityTable(string otherModalityName = "audio")
    {
        ArgumentException.ThrowIfNullOrEmpty(otherModalityName);
        OtherModalityName = otherModalityName;
    }

    /// <summary>The non-text modality named in the header.</summary>
    public string OtherModalityName { get; }

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<MissingModalityRow> Rows => _rows;

    /// <summary>Adds a model's three accuracies.</summary>
    /// <param name="row">The model and its accuracies.</param>
    public MissingModalityTable Add(MissingModalityRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Add(row);
        return this;
    }

    /// <summary>Adds a model's three accuracies.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="bothModalities">Accuracy with all inputs.</param>
    /// <param name="otherModalityBlanked">Accuracy with the audio/image blanked, or null.</param>
    /// <param name="textBlanked">Accuracy with the text blanked, or null.</param>
    public MissingModalityTable Add(string model, double bothModalities, double? otherModalityBlanked, double? textBlanked) =>
        Add(new MissingModalityRow(model, bothModalities, otherModalityBlanked, textBlanked));

    /// <summary>A Markdown table; blanked cells read "accuracy (±change)", "—" where not measured.</summary>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public string ToMarkdown(string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        var table = new MarkdownTable(new[] { "model", "both modalities", $"{OtherModalityName} blanked", "text blanked" });
        foreach (var row in _rows)
            table.AddRow(new[]
            {
                row.Model,
                MetricFormat.Number(row.BothModalities, numberFormat),
                WithChange(row.OtherModalityBlanked, row.BothModalities, numberFormat),
                WithChange(row.TextBlanked, row.BothModalities, numberFormat),
            });
        return table.ToString();
    }

    private static string WithChange(double? value, double reference, string numberFormat)
    {
        if (value is not { } v)
            return MetricFormat.Number((double?)null, numberFormat);
        double change = v - reference;
        string sign = change >= 0 ? "+" : "−";
        return $"{MetricFormat.Number(v, numberFormat)} ({sign}{MetricFormat.Number(Math.Abs(change), numberFormat)})";
    }
}
