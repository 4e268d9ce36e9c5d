using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Pipelines.Tests.Evaluation;

public sealed class ClassificationEvaluatorTests
{
    private readonly MLContext _ml = new(seed: 1);

    // Confusion matrix (rows = actual, columns = predicted):
    //        ang hap neu   support
    //   ang   3   1   0      4
    //   hap   1   2   1      4
    //   neu   0   0   2      2
    // WA = 7/10. Recalls 3/4, 2/4, 2/2 -> UA = 0.75. Precisions 3/4, 2/3, 2/3.
    // F1: ang 0.75, hap 2(2/3)(1/2)/(7/6) = 4/7, neu 2(2/3)(1)/(5/3) = 0.8.
    // Macro F1 = (0.75 + 4/7 + 0.8) / 3 = 14.85/21; weighted F1 = (4·0.75 + 4·4/7 + 2·0.8) / 10 = 48.2/70.
    private static readonly string[] Emotions = { "ang", "hap", "neu" };
    private static readonly int[][] Counts = { new[] { 3, 1, 0 }, new[] { 1, 2, 1 }, new[] { 0, 0, 2 } };

    [Fact]
    public void ThreeClassMetricsMatchTheHandComputedConfusionMatrix()
    {
        var data = ScoredData.FromPairs(_ml, Emotions, ScoredData.PairsOf(Counts));

        var metrics = _ml.Msa().Evaluation.EvaluateClassification(data);

        Assert.Equal(0.7, metrics.WeightedAccuracy, 12);
        Assert.Equal(0.75, metrics.UnweightedAccuracy, 12);
        Assert.Equal(14.85 / 21, metrics.MacroF1, 12);
        Assert.Equal(48.2 / 70, metrics.WeightedF1, 12);
        Assert.Equal(Emotions, metrics.ClassNames);
        Assert.Equal(new[] { 0.75, 2.0 / 3, 2.0 / 3 }, metrics.PerClass.Select(c => c.Precision), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0.75, 0.5, 1.0 }, metrics.PerClass.Select(c => c.Recall), new ToleranceComparer(1e-12));
        Assert.Equal(new[] { 0.75, 4.0 / 7, 0.8 }, metrics.PerClass.Select(c => c.F1), new ToleranceComparer(1e-12));
        Assert.Equal(new long[] { 4, 4, 2 }, metrics.PerClass.Select(c => c.Support));
        for (int actual = 0; actual < 3; actual++)
            for (int predicted = 0; predicted < 3; predicted++)
                Assert.Equal(Counts[actual][predicted], metrics.ConfusionMatrix[actual, predicted]);
        Assert.Null(metrics.Binary);
        Assert.Equal(new[] { "WA", "UA", "MacroF1", "WeightedF1", "LogLoss" }, metrics.ToNamedValues().Keys);

        string markdown = metrics.ToMarkdown();
        Assert.Contains("| WA | 0.7000 |", markdown);
        Assert.Contains("| hap | 0.6667 | 0.5000 | 0.5714 | 4 |", markdown);
        Assert.Contains("| ang | 3 | 1 | 0 |", markdown);
    }

    // Two classes, P(positive) per row:
    //   positive: 0.9 0.8 0.7 0.58   negative: 0.3 0.6 0.2 0.1 0.55
    // Predicted positive when P > 0.5: all 4 positives and 2 negatives (0.6, 0.55) -> accuracy 7/9.
    // Positive class: precision 4/6, recall 1, F1 0.8. AUC: 20 pairs, only 0.58 < 0.6 is misordered -> 19/20.
    // Negative as positive class: precision 3/3, recall 3/5, F1 0.75; AUC unchanged.
    private static readonly (int, float[])[] BinaryRows =
        new[] { 0.9f, 0.8f, 0.7f, 0.58f }.Select(p => (1, new[] { 1 - p, p }))
        .Concat(new[] { 0.3f, 0.6f, 0.2f, 0.1f, 0.55f }.Select(p => (0, new[] { 1 - p, p })))
        .ToArray();

    [Fact]
    public void TwoClassTasksAlsoGetMlNetBinaryMetrics()
    {
        var data = ScoredData.FromScores(_ml, new[] { "negative", "positive" }, BinaryRows);

        var metrics = ClassificationEvaluator.Evaluate(_ml, data);

        Assert.NotNull(metrics.Binary);
        var binary = metrics.Binary!;
        Assert.Equal("positive", binary.PositiveClass);
        Assert.Equal(7.0 / 9, binary.Accuracy, 12);
        Assert.Equal(metrics.WeightedAccuracy, binary.Accuracy, 12);
        Assert.Equal(0.8, binary.F1, 6);
        Assert.Equal(0.95, binary.Auc, 12);
        Assert.Equal(4.0 / 6, binary.PositivePrecision, 12);
        Assert.Equal(1.0, binary.PositiveRecall, 12);
        Assert.Contains(MetricNames.BinaryAuc, metrics.ToNamedValues().Keys);

        var negative = ClassificationEvaluator.Evaluate(_ml, data, positiveClass: "negative").Binary!;
        Assert.Equal("negative", negative.PositiveClass);
        Assert.Equal(0.75, negative.F1, 6);
        Assert.Equal(0.95, negative.Auc, 12);
    }

    [Fact]
    public void BinaryMetricsNeedBothClassesAndAKnownPositiveClass()
    {
        var onlyPositives = ScoredData.FromScores(_ml, new[] { "negative", "positive" }, BinaryRows.Where(r => r.Item1 == 1));
        Assert.Null(ClassificationEvaluator.Evaluate(_ml, onlyPositives).Binary);

        var data = ScoredData.FromScores(_ml, new[] { "negative", "positive" }, BinaryRows);
        Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate(_ml, data, positiveClass: "neutral"));
        var threeClasses = ScoredData.FromPairs(_ml, Emotions, ScoredData.PairsOf(Counts));
        Assert.Throws<ArgumentException>(() => ClassificationEvaluator.Evaluate(_ml, threeClasses, positiveClass: "ang"));
    }

    [Fact]
    public void ClassesThatNeverOccurAreLeftOutOfMacroF1()
    {
        // "sad" has no rows and is never predicted: as in scikit-learn it does not lower macro F1, and ML.NET leaves it out of UA.
        var data = ScoredData.FromPairs(_ml, new[] { "ang", "hap", "neu", "sad" }, ScoredData.PairsOf(Counts));

        var metrics = ClassificationEvaluator.Evaluate(_ml, data);

        Assert.Equal(14.85 / 21, metrics.MacroF1, 12);
        Assert.Equal(48.2 / 70, metrics.WeightedF1, 12);
        Assert.Equal(0.75, metrics.UnweightedAccuracy, 12);
        Assert.Equal(new ClassMetrics("sad", 0, 0, 0, 0), metrics.PerClass[3]);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
