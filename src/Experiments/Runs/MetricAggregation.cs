namespace MsaMl.Experiments;

/// <summary>Aggregates the named metrics of several runs into one <see cref="MetricSummary"/> per metric name.</summary>
public static class MetricAggregation
{
    /// <summary>
    /// One summary per metric name, in the order names first appear. A metric missing from some
    /// runs (e.g. binary metrics of a run whose test split held one class) is summarized over the
    /// runs that have it; its <see cref="MetricSummary.Count"/> says how many.
    /// </summary>
    /// <param name="runs">The metrics of each run.</param>
    public static IReadOnlyDictionary<string, MetricSummary> Summarize(IEnumerable<INamedMetrics> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return Summarize(runs.Select(r => r.ToNamedValues()));
    }

    /// <summary>One summary per metric name, in the order names first appear.</summary>
    /// <param name="runs">The named metric values of each run.</param>
    public static IReadOnlyDictionary<string, MetricSummary> Summarize(IEnumerable<IReadOnlyDictionary<string, double>> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var values = new OrderedDictionary<string, List<double>>();
        foreach (var run in runs)
            foreach (var (name, value) in run)
            {
                if (!values.TryGetValue(name, out var list))
                    values[name] = list = new List<double>();
                list.Add(value);
            }
        var summaries = new OrderedDictionary<string, MetricSummary>();
        foreach (var (name, list) in values)
            summaries[name] = MetricSummary.FromValues(list);
        return summaries;
    }
}
