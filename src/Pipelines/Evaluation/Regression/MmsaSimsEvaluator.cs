using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// Computes <see cref="MmsaSimsMetrics"/> following MMSA's <c>__eval_sims_regression</c>
/// (thuiar/MMSA, <c>src/MMSA/utils/metricsTop.py</c>) exactly:
/// <list type="bullet">
/// <item>predictions and labels are first clipped to [-1, 1]; every metric uses the clipped values;</item>
/// <item>a value goes to bin i of the edges [-1.01, 0, 1.01] (2 bins), [-1.01, -0.1, 0.1, 1.01]
/// (3 bins) or [-1.01, -0.7, -0.1, 0.1, 0.7, 1.01] (5 bins) when edge[i] &lt; value &lt;= edge[i+1];</item>
/// <item>the edges are compared in single precision, as numpy compares a float32 array with a
/// Python float (so a label stored as 0.1f is in the neutral bin, as in MMSA);</item>
/// <item>F1_score is scikit-learn's weighted F1 of the 2-bin classes; MAE and Pearson r as numpy
/// computes them, here in double precision.</item>
/// </list>
/// </summary>
public static class MmsaSimsEvaluator
{
    private static readonly float[] TwoBins = [-1.01f, 0f, 1.01f];
    private static readonly float[] ThreeBins = [-1.01f, -0.1f, 0.1f, 1.01f];
    private static readonly float[] FiveBins = [-1.01f, -0.7f, -0.1f, 0.1f, 0.7f, 1.01f];

    /// <summary>Evaluates predictions against labels on CH-SIMS's [-1, 1] scale.</summary>
    /// <param name="predictions">Predicted sentiment intensities.</param>
    /// <param name="labels">True sentiment intensities, same count.</param>
    public static MmsaSimsMetrics Evaluate(IReadOnlyList<float> predictions, IReadOnlyList<float> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count != labels.Count)
            throw new ArgumentException($"{predictions.Count} predictions but {labels.Count} labels.", nameof(labels));
        if (labels.Count == 0)
            throw new ArgumentException("No rows to evaluate.", nameof(labels));

        float[] p = predictions.Select(v => Math.Clamp(v, -1f, 1f)).ToArray();
        float[] t = labels.Select(v => Math.Clamp(v, -1f, 1f)).ToArray();
        int[] p2 = Bins(p, TwoBins), t2 = Bins(t, TwoBins);
        return new MmsaSimsMetrics
        {
            Accuracy2 = Agreement(p2, t2),
            Accuracy3 = Agreement(Bins(p, ThreeBins), Bins(t, ThreeBins)),
            Accuracy5 = Agreement(Bins(p, FiveBins), Bins(t, FiveBins)),
            WeightedF1 = BooleanWeightedF1.Of(t2.Select(c => c == 1).ToArray(), p2.Select(c => c == 1).ToArray()),
            MeanAbsoluteError = Enumerable.Range(0, p.Length).Average(i => Math.Abs((double)p[i] - t[i])),
            PearsonCorrelation = PearsonCorrelation.Of(p.Select(v => (double)v).ToArray(), t.Select(v => (double)v).ToArray()),
            RowCount = p.Length,
        };
    }

    /// <summary>Evaluates a scored data view whose label and score are Single columns (ML.NET regression output).</summary>
    public static MmsaSimsMetrics Evaluate(IDataView data, string labelColumnName = "Label", string scoreColumnName = "Score")
    {
        ArgumentNullException.ThrowIfNull(data);
        return Evaluate(Singles(NumberColumn.Read(data, scoreColumnName)), Singles(NumberColumn.Read(data, labelColumnName)));
    }


    // MMSA compares SIMS bin edges in single precision.
    private static float[] Singles(double[] values) => values.Select(v => (float)v).ToArray();

    /// <summary>The bin of each value: i where edges[i] &lt; value &lt;= edges[i+1].</summary>
    private static int[] Bins(float[] values, float[] edges) => values.Select(v =>
    {
        for (int i = 0; i < edges.Length - 1; i++)
            if (v > edges[i] && v <= edges[i + 1]) return i;
        throw new ArgumentOutOfRangeException(nameof(values), $"Value {v} is outside [-1, 1] after clipping (NaN?).");
    }).ToArray();

    private static double Agreement(int[] predicted, int[] truth) =>
        Enumerable.Range(0, truth.Length).Count(i => predicted[i] == truth[i]) / (double)truth.Length;
}
