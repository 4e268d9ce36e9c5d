using System.Text.Json.Serialization;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// MMSA's regression metrics for sentiment intensity labels in [-3, 3] (CMU-MOSI, CMU-MOSEI), as
/// defined by <c>MetricsTop.__eval_mosei_regression</c> in thuiar/MMSA (MOSI uses the same function).
/// Values are unrounded; <see cref="RoundedAsMmsa"/> gives MMSA's four-decimal figures.
/// </summary>
public sealed record MmsaRegressionMetrics : INamedMetrics
{
    /// <summary>Has0_acc_2: accuracy of (prediction >= 0) against (label >= 0) over all rows, zero labels counted as positive.</summary>
    public required double Has0Accuracy2 { get; init; }

    /// <summary>Has0_F1_score: support-weighted F1 of the same >= 0 / &lt; 0 split.</summary>
    public required double Has0WeightedF1 { get; init; }

    /// <summary>Non0_acc_2: accuracy of (prediction > 0) against (label > 0) over the rows whose label is not 0.</summary>
    public required double Non0Accuracy2 { get; init; }

    /// <summary>Non0_F1_score: support-weighted F1 of the same split over the rows whose label is not 0.</summary>
    public required double Non0WeightedF1 { get; init; }

    /// <summary>Mult_acc_5: predictions and labels clipped to [-2, 2] and rounded half to even; fraction equal.</summary>
    public required double Accuracy5 { get; init; }

    /// <summary>Mult_acc_7: predictions and labels clipped to [-3, 3] and rounded half to even; fraction equal.</summary>
    public required double Accuracy7 { get; init; }

    /// <summary>MAE: mean absolute difference of the unclipped predictions and labels.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>Corr: Pearson correlation of the unclipped predictions and labels (NaN when either is constant).</summary>
    public required double PearsonCorrelation { get; init; }

    /// <summary>Number of rows evaluated.</summary>
    public required int RowCount { get; init; }

    /// <summary>Number of rows whose label is not 0 (the rows of the Non0 metrics).</summary>
    public required int NonZeroRowCount { get; init; }

    /// <summary>The metrics rounded to 4 decimals, half to even, as MMSA reports them (<c>round(x, 4)</c>).</summary>
    public MmsaRegressionMetrics RoundedAsMmsa() => this with
    {
        Has0Accuracy2 = Round4(Has0Accuracy2),
        Has0WeightedF1 = Round4(Has0WeightedF1),
        Non0Accuracy2 = Round4(Non0Accuracy2),
        Non0WeightedF1 = Round4(Non0WeightedF1),
        Accuracy5 = Round4(Accuracy5),
        Accuracy7 = Round4(Accuracy7),
        MeanAbsoluteError = Round4(MeanAbsoluteError),
        PearsonCorrelation = Round4(PearsonCorrelation),
    };

    /// <summary>The eight metrics under MMSA's own names (<see cref="MetricNames.Has0Accuracy2"/> ... <see cref="MetricNames.PearsonCorrelation"/>).</summary>
    public IReadOnlyDictionary<string, double> ToNamedValues() => new OrderedDictionary<string, double>
    {
        [MetricNames.Has0Accuracy2] = Has0Accuracy2,
        [MetricNames.Has0F1] = Has0WeightedF1,
        [MetricNames.Non0Accuracy2] = Non0Accuracy2,
        [MetricNames.Non0F1] = Non0WeightedF1,
        [MetricNames.Accuracy5] = Accuracy5,
        [MetricNames.Accuracy7] = Accuracy7,
        [MetricNames.MeanAbsoluteError] = MeanAbsoluteError,
        [MetricNames.PearsonCorrelation] = PearsonCorrelation,
    };

    /// <summary>A two-column Markdown table of the eight metrics under MMSA's names.</summary>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public string ToMarkdown(string numberFormat = MetricFormat.DefaultNumberFormat) => this.ToMarkdownTable(numberFormat);

    private static double Round4(double value) => Math.Round(value, 4, MidpointRounding.ToEven);
}
