namespace MsaMl.Pipelines.Evaluation;

/// <summary>Layouts shared by every <see cref="INamedMetrics"/>.</summary>
public static class NamedMetricsExtensions
{
    /// <summary>A two-column Markdown table (metric, value) of <see cref="INamedMetrics.ToNamedValues"/>.</summary>
    /// <param name="metrics">The metrics.</param>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public static string ToMarkdownTable(this INamedMetrics metrics, string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        var table = new MarkdownTable(new[] { "metric", "value" });
        foreach (var (name, value) in metrics.ToNamedValues())
            table.AddRow(new[] { name, MetricFormat.Number(value, numberFormat) });
        return table.ToString();
    }
}
