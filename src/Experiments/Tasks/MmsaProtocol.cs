using Microsoft.ML;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>
/// MMSA's evaluation protocol per dataset (thuiar/MMSA <c>metricsTop.py</c>): which metrics, and the
/// one-line description written into result files so a number can be compared with published ones.
/// </summary>
public static class MmsaProtocol
{
    /// <summary>The metric names of <paramref name="dataset"/>, in MMSA's order.</summary>
    public static IReadOnlyList<string> MetricNamesOf(MmsaDataset dataset) => dataset == MmsaDataset.Sims
        ? [MetricNames.Accuracy2, MetricNames.Accuracy3, MetricNames.Accuracy5, MetricNames.SimsF1, MetricNames.MeanAbsoluteError, MetricNames.PearsonCorrelation]
        : [MetricNames.Has0Accuracy2, MetricNames.Has0F1, MetricNames.Non0Accuracy2, MetricNames.Non0F1, MetricNames.Accuracy5, MetricNames.Accuracy7,
           MetricNames.MeanAbsoluteError, MetricNames.PearsonCorrelation];

    /// <summary>MMSA's metrics of scored test data (unrounded).</summary>
    public static INamedMetrics Evaluate(MmsaDataset dataset, IDataView scored, string labelColumn, string scoreColumn) => dataset == MmsaDataset.Sims
        ? MmsaSimsEvaluator.Evaluate(scored, labelColumn, scoreColumn)
        : MmsaRegressionEvaluator.Evaluate(scored, labelColumn, scoreColumn);

    /// <summary>The protocol in one line, for result files and the console.</summary>
    public static string Describe(MmsaDataset dataset) => dataset == MmsaDataset.Sims
        ? "MMSA regression, CH-SIMS (metricsTop.py __eval_sims_regression): predictions and labels clipped to [-1, 1]; " +
          "Mult_acc_2 bins [-1, 0], (0, 1]; Mult_acc_3 bins [-1, -0.1], (-0.1, 0.1], (0.1, 1]; Mult_acc_5 edges -0.7, -0.1, 0.1, 0.7; " +
          "F1_score weighted over the 2 bins; MAE and Corr of the clipped values; test split; unrounded; mean ± sample std over seeds"
        : $"MMSA regression, {dataset.DisplayName()} (metricsTop.py __eval_mosei_regression, which MOSI shares): " +
          "Has0 = all test rows, positive = value >= 0; Non0 = rows whose label != 0, positive = value > 0; F1 weighted; " +
          "Mult_acc_5 / Mult_acc_7 = clip to [-2, 2] / [-3, 3] and round half to even; MAE and Corr of the unclipped values; unrounded; mean ± sample std over seeds";
}
