using System.Globalization;

namespace MsaMl.Experiments;

/// <summary>The complexity table of a report: parameters, peak memory and scoring time per row of each model.</summary>
public sealed class ComplexityTable
{
    private readonly List<ComplexityRow> _rows = new();

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<ComplexityRow> Rows => _rows;

    /// <summary>Adds a model.</summary>
    /// <param name="row">The model's size and cost.</param>
    public ComplexityTable Add(ComplexityRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        _rows.Add(row);
        return this;
    }

    /// <summary>A Markdown table: parameters with thousands separators, memory in MB with one decimal, ms per row with three.</summary>
    public string ToMarkdown()
    {
        var table = new MarkdownTable(new[] { "model", "parameters", "peak memory (MB)", "ms / row" });
        foreach (var row in _rows)
            table.AddRow(new[]
            {
                row.Model,
                row.Parameters.ToString("N0", CultureInfo.InvariantCulture),
                MetricFormat.Number(row.PeakMemoryMegabytes, "0.0"),
                MetricFormat.Number(row.MillisecondsPerRow, "0.000"),
            });
        return table.ToString();
    }
}
