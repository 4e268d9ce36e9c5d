namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// MMSA's regression metrics for CH-SIMS (labels in [-1, 1]), as defined by
/// <c>MetricsTop.__eval_sims_regression</c> in thuiar/MMSA: accuracies of 2, 3 and 5 bins, the
/// weighted F1 of the 2 bins, MAE and Pearson r, all on values clipped to [-1, 1].
/// Values are unrounded (MMSA does not round its SIMS figures).
/// </summary>
public sealed record MmsaSimsMetrics : INamedMetrics
{
    /// <summary>Mult_acc_2: bins [-1, 0] and (0, 1]; fraction of rows whose prediction falls in the label's bin.</summary>
    public required double Accuracy2 { get; init; }

    /// <summary>Mult_acc_3: bins [-1, -0.1], (-0.1, 0.1], (0.1, 1].</summary>
    public required double Accuracy3 { get; init; }

    /// <summary>Mult_acc_5: bins [-1, -0.7], (-0.7, -0.1], (-0.1, 0.1], (0.1, 0.7], (0.7, 1].</summary>
    public required double Accuracy5 { get; init; }

    /// <summary>F1_score: support-weighted F1 of the two bins of <see cref="Accuracy2"/>.</summary>
    public required double WeightedF1 { get; init; }

    /// <summary>MAE of the clipped predictions and labels.</summary>
    public required double MeanAbsoluteError { get; init; }

    /// <summary>Corr: Pearson correlation of the clipped values (NaN when either is constant).</summary>
    public required double PearsonCorrelation { get; init; }

    /// <summary>Number of rows evaluated.</summary>
    public required int RowCount { get; init; }

    /// <summary>The six metrics under MMSA's SIMS names.</summary>
    public IReadOnlyDictionary<string, double> ToNamedValues() => new OrderedDictionary<string, double>
    {
        [MetricNames.Accuracy2] = Accuracy2,
        [MetricNames.Accuracy3] = Accuracy3,
        [MetricNames.Accuracy5] = Accuracy5,
        [MetricNames.SimsF1] = WeightedF1,
        [MetricNames.MeanAbsoluteError] = MeanAbsoluteError,
        [MetricNames.PearsonCorrelation] = PearsonCorrelation,
    };

    /// <summary>A two-column Markdown table of the six metrics under MMSA's names.</summary>
    /// <param name="numberFormat">.NET number format of the values (invariant culture).</param>
    public string ToMarkdown(string numberFormat = MetricFormat.DefaultNumberFormat) => this.ToMarkdownTable(numberFormat);
}
