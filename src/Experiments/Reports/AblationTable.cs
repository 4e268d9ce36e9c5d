namespace MsaMl.Experiments;

/// <summary>
/// Models × metrics: the ablation table of a report. Rows are added from single evaluations or from
/// multi-seed / cross-validation summaries; cells print "mean ± std" when there are several runs.
/// </summary>
public sealed class AblationTable
{
    private readonly List<AblationRow> _rows = new();
    private readonly IReadOnlyList<string>? _metricNames;

    /// <summary>Creates an empty table.</summary>
    /// <param name="metricNames">The metric columns, in order; null = every metric of the rows, in first-seen order.</param>
    public AblationTable(IEnumerable<string>? metricNames = null) => _metricNames = metricNames?.ToArray();

    /// <summary>The rows, in the order added.</summary>
    public IReadOnlyList<AblationRow> Rows => _rows;

    /// <summary>The metric columns.</summary>
    public IReadOnlyList<string> MetricNames => _metricNames
        ?? _rows.SelectMany(r => r.Metrics.Keys).Distinct().ToArray();

    /// <summary>Adds a model evaluated once.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="metrics">Its metrics.</param>
    public AblationTable Add(string model, INamedMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var summary = new OrderedDictionary<string, MetricSummary>();
        foreach (var (name, value) in metrics.ToNamedValues())
            summary[name] = MetricSummary.FromValues(new[] { value });
        return Add(model, summary);
    }

    /// <summary>Adds a model evaluated several times (seeds or folds).</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="summary">Its metrics aggregated over the runs, e.g. <see cref="MultiSeedResult{TMetrics}.Summary"/>.</param>
    public AblationTable Add(string model, IReadOnlyDictionary<string, MetricSummary> summary)
    {
        ArgumentException.ThrowIfNullOrEmpty(model);
        ArgumentNullException.ThrowIfNull(summary);
        _rows.Add(new AblationRow(model, summary));
        return this;
    }

    /// <summary>A Markdown table, one row per model and one column per metric ("—" where a model lacks a metric).</summary>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public string ToMarkdown(string numberFormat = MetricFormat.DefaultNumberFormat)
    {
        var names = MetricNames;
        var table = new MarkdownTable(names.Prepend("model"));
        foreach (var row in _rows)
            table.AddRow(names.Select(n => row.Metrics.TryGetValue(n, out var s) ? s.Format(numberFormat) : "—").Prepend(row.Model));
        return table.ToString();
    }
}
