using System.Globalization;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>How report tables print numbers: invariant culture, a fixed number of decimals, "n/a" for missing values.</summary>
public static class MetricFormat
{
    public const string DefaultNumberFormat = "0.0000";

    public static string Number(double value, string numberFormat = DefaultNumberFormat) =>
        double.IsNaN(value) ? "n/a" : value.ToString(numberFormat, CultureInfo.InvariantCulture);

    public static string Number(double? value, string numberFormat = DefaultNumberFormat) =>
        value is { } v ? Number(v, numberFormat) : "—";
}
