using System.Globalization;

namespace MsaMl.Experiments;

/// <summary>One metric over several runs: mean and sample standard deviation (n − 1), with the values themselves.</summary>
/// <param name="Mean">Mean of <paramref name="Values"/>.</param>
/// <param name="StandardDeviation">Sample standard deviation of <paramref name="Values"/>; NaN with fewer than two values.</param>
/// <param name="Values">The per-run values, in run order.</param>
public sealed record MetricSummary(double Mean, double StandardDeviation, IReadOnlyList<double> Values)
{
    /// <summary>Number of runs summarized.</summary>
    public int Count => Values.Count;

    /// <summary>Summarizes per-run values: mean and sample standard deviation. A NaN value makes both NaN.</summary>
    /// <param name="values">The per-run values.</param>
    public static MetricSummary FromValues(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.ToArray();
        if (list.Length == 0)
            return new MetricSummary(double.NaN, double.NaN, list);
        double mean = list.Average();
        double std = list.Length < 2 ? double.NaN : Math.Sqrt(list.Sum(v => (v - mean) * (v - mean)) / (list.Length - 1));
        return new MetricSummary(mean, std, list);
    }

    /// <summary>"mean ± std" in invariant culture, or the mean alone when there is no standard deviation.</summary>
    /// <param name="numberFormat">.NET number format of mean and std.</param>
    public string Format(string numberFormat = MetricFormat.DefaultNumberFormat) =>
        double.IsNaN(StandardDeviation)
            ? MetricFormat.Number(Mean, numberFormat)
            : $"{MetricFormat.Number(Mean, numberFormat)} ± {StandardDeviation.ToString(numberFormat, CultureInfo.InvariantCulture)}";

    /// <summary>Same as <see cref="Format"/> with four decimals.</summary>
    public override string ToString() => Format();
}
