using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// Computes <see cref="MmsaRegressionMetrics"/> for sentiment-intensity predictions, following
/// MMSA's <c>__eval_mosei_regression</c> (thuiar/MMSA, <c>src/MMSA/utils/metricsTop.py</c>) exactly:
/// <list type="bullet">
/// <item>Has0: all rows, positive = value &gt;= 0 (so a zero label or prediction is positive).</item>
/// <item>Non0: only rows whose label != 0, positive = value &gt; 0 (so a zero prediction is negative).</item>
/// <item>Acc-5 / Acc-7: both sides clipped to [-2, 2] / [-3, 3], then rounded half to even (numpy's
/// <c>np.round</c>, i.e. <see cref="MidpointRounding.ToEven"/>: 0.5 → 0, 1.5 → 2, 2.5 → 2, −2.5 → −2).</item>
/// <item>MAE and Pearson r on the unclipped values.</item>
/// </list>
/// Everything is computed in double precision from the given values; numpy on float32 tensors
/// computes MAE in float32 and can differ from it in about the 8th digit.
/// </summary>
public static class MmsaRegressionEvaluator
{
    /// <summary>Evaluates predictions against labels (both in MOSI's [-3, 3] scale).</summary>
    /// <param name="predictions">Predicted sentiment intensities.</param>
    /// <param name="labels">True sentiment intensities, same count.</param>
    public static MmsaRegressionMetrics Evaluate(IReadOnlyList<float> predictions, IReadOnlyList<float> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        return Evaluate(predictions.Select(v => (double)v).ToArray(), labels.Select(v => (double)v).ToArray());
    }

    /// <summary>Evaluates predictions against labels (both in MOSI's [-3, 3] scale).</summary>
    /// <param name="predictions">Predicted sentiment intensities.</param>
    /// <param name="labels">True sentiment intensities, same count.</param>
    public static MmsaRegressionMetrics Evaluate(IReadOnlyList<double> predictions, IReadOnlyList<double> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count != labels.Count)
            throw new ArgumentException($"{predictions.Count} predictions but {labels.Count} labels.", nameof(labels));
        if (labels.Count == 0)
            throw new ArgumentException("No rows to evaluate.", nameof(labels));

        var nonZero = Enumerable.Range(0, labels.Count).Where(i => labels[i] != 0).ToArray();
        var has0Truth = labels.Select(v => v >= 0).ToArray();
        var has0Predicted = predictions.Select(v => v >= 0).ToArray();
        var non0Truth = nonZero.Select(i => labels[i] > 0).ToArray();
        var non0Predicted = nonZero.Select(i => predictions[i] > 0).ToArray();

        return new MmsaRegressionMetrics
        {
            Has0Accuracy2 = FractionEqual(has0Predicted, has0Truth),
            Has0WeightedF1 = BooleanWeightedF1.Of(has0Truth, has0Predicted),
            Non0Accuracy2 = FractionEqual(non0Predicted, non0Truth),
            Non0WeightedF1 = BooleanWeightedF1.Of(non0Truth, non0Predicted),
            Accuracy5 = ClippedRoundedAccuracy(predictions, labels, 2),
            Accuracy7 = ClippedRoundedAccuracy(predictions, labels, 3),
            MeanAbsoluteError = Enumerable.Range(0, labels.Count).Average(i => Math.Abs(predictions[i] - labels[i])),
            PearsonCorrelation = PearsonCorrelation.Of(predictions, labels),
            RowCount = labels.Count,
            NonZeroRowCount = nonZero.Length,
        };
    }

    /// <summary>Evaluates a scored data view whose label and score are Single or Double columns (ML.NET regression output).</summary>
    /// <param name="data">Scored data.</param>
    /// <param name="labelColumnName">The true sentiment intensity column.</param>
    /// <param name="scoreColumnName">The predicted sentiment intensity column.</param>
    public static MmsaRegressionMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(NumberColumn.Read(data, scoreColumnName), NumberColumn.Read(data, labelColumnName));
    }


    private static double FractionEqual(IReadOnlyList<bool> predicted, IReadOnlyList<bool> truth) =>
        truth.Count == 0 ? double.NaN : Enumerable.Range(0, truth.Count).Count(i => predicted[i] == truth[i]) / (double)truth.Count;

    private static double ClippedRoundedAccuracy(IReadOnlyList<double> predictions, IReadOnlyList<double> labels, double bound)
    {
        static double ClassOf(double value, double bound) => Math.Round(Math.Clamp(value, -bound, bound), MidpointRounding.ToEven);
        int equal = Enumerable.Range(0, labels.Count).Count(i => ClassOf(predictions[i], bound) == ClassOf(labels[i], bound));
        return equal / (double)labels.Count;
    }
}
