using MsaMl.Experiments;
using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Tests;

public sealed class PlotTests : IDisposable
{
    private static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-plots-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LearningCurveIsAPng()
    {
        var epochs = Enumerable.Range(1, 12)
            .Select(e => new EpochReport(e, 12, 1.4 / e, 0.4 + 0.04 * e, e % 3 == 0 ? null : 0.35 + 0.035 * e, TimeSpan.FromSeconds(e)))
            .ToArray();
        var report = new TrainingReport(epochs, BestEpoch: 11, BestValidationAccuracy: 0.735, StoppedEarly: false, Device: "cpu", SamplesPerSecond: 100);
        string path = Path.Combine(_folder, "learning-curve.png");

        LearningCurvePlot.Save(report, path, "AAT on the demo corpus");

        AssertPng(path);
    }

    [Fact]
    public void ConfusionMatrixIsAPng()
    {
        var ml = new MLContext(seed: 1);
        var classes = new[] { "angry", "happy", "neutral", "sad" };
        var counts = new[] { new[] { 8, 1, 1, 0 }, new[] { 2, 6, 2, 0 }, new[] { 0, 1, 12, 3 }, new[] { 0, 0, 4, 6 } };
        var metrics = ClassificationEvaluator.Evaluate(ml, ScoredData.FromPairs(ml, classes, ScoredData.PairsOf(counts)));
        string path = Path.Combine(_folder, "confusion.png");

        ConfusionMatrixPlot.Save(metrics.ConfusionMatrix, path);

        AssertPng(path);
    }

    [Fact]
    public void AblationBarChartIsAPng()
    {
        string path = Path.Combine(_folder, "ablation.png");

        AblationBarChart.Save(ReportTablesTests.SampleAblation(), path);

        AssertPng(path);
        Assert.Throws<ArgumentException>(() => AblationBarChart.Save(ReportTablesTests.SampleAblation(), path, "MAE"));
    }

    private static void AssertPng(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 1024, $"{path}: {bytes.Length} bytes");
        Assert.Equal(PngSignature, bytes[..8]);
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
        string? keep = Environment.GetEnvironmentVariable("MSAML_KEEP_PLOTS");
        if (!string.IsNullOrEmpty(keep))
            File.Copy(path, Path.Combine(Directory.CreateDirectory(keep).FullName, Path.GetFileName(path)), overwrite: true);
    }
}
