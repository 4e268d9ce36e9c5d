using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Pipelines.Tests.Evaluation;

public sealed class MmsaRegressionEvaluatorTests
{
    // 16 rows chosen to exercise MMSA's edge cases: zero labels (rows 2, 9: left out of Non0, positive in Has0),
    // a zero prediction (row 6: positive for Has0, negative for Non0), values beyond ±2 and ±3 (clipping),
    // and exact halves (0.5, 1.5, 2.5, -2.5, -0.5) where numpy's round-half-to-even differs from rounding away from zero.
    private static readonly float[] Predictions = { 2.7f, -0.4f, 0.5f, 1.5f, -2.5f, 0.0f, 3.6f, -3.2f, 0.2f, -1.4f, 2.5f, -0.6f, -0.5f, -0.3f, 0.8f, 1.1f };
    private static readonly float[] Labels = { 3.0f, 0.0f, 0.4f, 2.0f, -2.6f, -0.2f, 2.5f, -3.0f, 0.0f, -1.0f, 1.8f, 0.6f, -0.5f, 1.2f, -1.7f, 0.9f };

    // Golden values: /usr/bin/python3 with numpy 1.24.2 (no scikit-learn there), following MMSA's
    // __eval_mosei_regression on np.float32 arrays of the vectors above cast to float64:
    //   mae = np.mean(np.absolute(p - t)); corr = np.corrcoef(p, t)[0][1]
    //   mult_a7 = np.mean(np.round(np.clip(p, -3, 3)) == np.round(np.clip(t, -3, 3)))   (and ±2 for mult_a5)
    //   non_zeros = t != 0; Non0 = (p[nz] > 0) vs (t[nz] > 0); Has0 = (p >= 0) vs (t >= 0)
    // and the weighted F1 by hand as scikit-learn defines it: the F1 of each class present in truth or
    // prediction, weighted by its count in the truth. (In float32 numpy, MAE is 0.6000000238418579.)
    private const double Has0Accuracy2 = 0.6875;
    private const double Has0F1 = 0.6912955465587043;
    private const double Non0Accuracy2 = 0.7857142857142857;
    private const double Non0F1 = 0.7868131868131868;
    private const double Accuracy5 = 0.8125;
    private const double Accuracy7 = 0.6875;
    private const double Mae = 0.6000000033527613;
    private const double Corr = 0.8681209787386197;

    [Fact]
    public void MatchesMmsaGoldenValues()
    {
        var metrics = MmsaRegressionEvaluator.Evaluate(Predictions, Labels);

        Assert.Equal(Has0Accuracy2, metrics.Has0Accuracy2, 12);
        Assert.Equal(Has0F1, metrics.Has0WeightedF1, 12);
        Assert.Equal(Non0Accuracy2, metrics.Non0Accuracy2, 12);
        Assert.Equal(Non0F1, metrics.Non0WeightedF1, 12);
        Assert.Equal(Accuracy5, metrics.Accuracy5, 12);
        Assert.Equal(Accuracy7, metrics.Accuracy7, 12);
        Assert.Equal(Mae, metrics.MeanAbsoluteError, 12);
        Assert.Equal(Corr, metrics.PearsonCorrelation, 12);
        Assert.Equal(16, metrics.RowCount);
        Assert.Equal(14, metrics.NonZeroRowCount);
    }

    [Fact]
    public void RoundedValuesAndNamesAreMmsas()
    {
        var rounded = MmsaRegressionEvaluator.Evaluate(Predictions, Labels).RoundedAsMmsa();

        var expected = new Dictionary<string, double>
        {
            ["Has0_acc_2"] = 0.6875, ["Has0_F1_score"] = 0.6913, ["Non0_acc_2"] = 0.7857, ["Non0_F1_score"] = 0.7868,
            ["Mult_acc_5"] = 0.8125, ["Mult_acc_7"] = 0.6875, ["MAE"] = 0.6, ["Corr"] = 0.8681,
        };
        Assert.Equal(expected, rounded.ToNamedValues().ToDictionary());
        Assert.Equal(expected.Keys, rounded.ToNamedValues().Keys);
        Assert.Contains("| Non0_F1_score | 0.7868 |", rounded.ToMarkdown());
    }

    [Fact]
    public void HalvesRoundToEvenAndZeroPredictionsSplitAsMmsaDoes()
    {
        // np.round: 0.5 -> 0, 2.5 -> 2, -2.5 -> -2, so every row matches; rounding away from zero would match none.
        var halves = MmsaRegressionEvaluator.Evaluate(new[] { 0.5, 2.5, -2.5 }, new[] { 0.0, 2.0, -2.0 });
        Assert.Equal(1.0, halves.Accuracy7);
        Assert.Equal(1.0, halves.Accuracy5);

        // A zero prediction is positive for Has0 (>= 0) and negative for Non0 (> 0).
        var zeros = MmsaRegressionEvaluator.Evaluate(new[] { 0.0, 0.0 }, new[] { -1.0, 1.0 });
        Assert.Equal(0.5, zeros.Has0Accuracy2);
        Assert.Equal(0.5, zeros.Non0Accuracy2);
        Assert.Equal(0.0, MmsaRegressionEvaluator.Evaluate(new[] { 0.0 }, new[] { 1.0 }).Non0Accuracy2);
        Assert.Equal(1.0, MmsaRegressionEvaluator.Evaluate(new[] { 0.0 }, new[] { 1.0 }).Has0Accuracy2);
        Assert.True(double.IsNaN(zeros.PearsonCorrelation)); // constant predictions
    }

    [Fact]
    public void ReadsScoredDataViews()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Predictions.Zip(Labels, (p, t) => new RegressionRow { Score = p, Label = t }));

        var metrics = ml.Msa().Evaluation.EvaluateMmsaRegression(data);

        Assert.Equal(Non0F1, metrics.Non0WeightedF1, 12);
        Assert.Equal(Corr, metrics.PearsonCorrelation, 12);
    }

    [Fact]
    public void RejectsMismatchedOrEmptyInput()
    {
        Assert.Throws<ArgumentException>(() => MmsaRegressionEvaluator.Evaluate(new[] { 1f }, new[] { 1f, 2f }));
        Assert.Throws<ArgumentException>(() => MmsaRegressionEvaluator.Evaluate(Array.Empty<float>(), Array.Empty<float>()));
    }

    private sealed class RegressionRow
    {
        public float Label { get; set; }
        public float Score { get; set; }
    }
}
