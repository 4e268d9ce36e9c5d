using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Pipelines.Tests.Evaluation;

public sealed class MmsaSimsEvaluatorTests
{
    // 16 rows on CH-SIMS's scale chosen for MMSA's edge cases: values beyond ±1 (clipped first, rows 4
    // and 5), bin edges hit exactly (0.1 and -0.1 in rows 2 and 9: neutral and negative because numpy
    // compares float32 with float32 edges; 0.0 in row 3: the negative 2-bin; 0.7 in row 10), and
    // predictions just across the 5-bin edges ±0.7 (rows 7, 13, 14).
    private static readonly float[] Predictions = [0.95f, -0.3f, 0.1f, 0.0f, 1.4f, -1.2f, 0.65f, -0.72f, 0.05f, -0.1f, 0.7f, 0.3f, -0.05f, 0.72f, -0.69f, 0.4f];
    private static readonly float[] Labels = [1.0f, -0.2f, 0.1f, 0.2f, 0.8f, -1.0f, 0.6f, -0.8f, 0.0f, -0.1f, 0.8f, -0.4f, 0.0f, 0.4f, -0.6f, 0.6f];

    // Golden values: /usr/bin/python3 with numpy 1.24.2 on np.float32 arrays of the vectors above,
    // following MMSA's __eval_sims_regression step by step: np.clip(-1, 1); bins by
    // x[np.logical_and(x > ms[i], x <= ms[i+1])] = i with ms_2 = [-1.01, 0, 1.01],
    // ms_3 = [-1.01, -0.1, 0.1, 1.01], ms_5 = [-1.01, -0.7, -0.1, 0.1, 0.7, 1.01];
    // accuracy = np.sum(np.round(p) == np.round(t)) / len(t); corr = np.corrcoef(p, t)[0][1];
    // the weighted F1 of the 2 bins by hand as scikit-learn defines it. MAE here is the float64
    // mean of the float32 values (numpy's float32 mean prints 0.136875).
    private const double Accuracy2 = 0.8125;
    private const double Accuracy3 = 0.875;
    private const double Accuracy5 = 0.75;
    private const double WeightedF1 = 0.8117647058823529;
    private const double Mae = 0.13687500031664968;
    private const double Corr = 0.9317596292154506;

    [Fact]
    public void MatchesMmsaGoldenValues()
    {
        var metrics = MmsaSimsEvaluator.Evaluate(Predictions, Labels);

        Assert.Equal(Accuracy2, metrics.Accuracy2, 12);
        Assert.Equal(Accuracy3, metrics.Accuracy3, 12);
        Assert.Equal(Accuracy5, metrics.Accuracy5, 12);
        Assert.Equal(WeightedF1, metrics.WeightedF1, 12);
        Assert.Equal(Mae, metrics.MeanAbsoluteError, 9);
        Assert.Equal(Corr, metrics.PearsonCorrelation, 9);
        Assert.Equal(16, metrics.RowCount);
    }

    [Fact]
    public void NamesAreMmsasSimsKeys()
    {
        var names = MmsaSimsEvaluator.Evaluate(Predictions, Labels).ToNamedValues().Keys;

        Assert.Equal(["Mult_acc_2", "Mult_acc_3", "Mult_acc_5", "F1_score", "MAE", "Corr"], names);
    }

    [Fact]
    public void EdgesAreComparedInSinglePrecision()
    {
        // 0.1f is neutral and -0.1f negative in the 3 bins; in double precision 0.1f would be positive.
        var metrics = MmsaSimsEvaluator.Evaluate([0.1f, -0.1f], [0.0f, -0.5f]);

        Assert.Equal(1.0, metrics.Accuracy3);
    }

    [Fact]
    public void ReadsAScoredDataView()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Predictions.Zip(Labels, (p, t) => new Row { Score = p, Label = t }));

        Assert.Equal(MmsaSimsEvaluator.Evaluate(Predictions, Labels), ml.Msa().Evaluation.EvaluateMmsaSims(data));
    }

    private sealed class Row
    {
        public float Label { get; set; }
        public float Score { get; set; }
    }
}
