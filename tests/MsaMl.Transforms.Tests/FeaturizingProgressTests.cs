using Microsoft.ML;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Text;

namespace MsaMl.Transforms.Tests;

public sealed class FeaturizingProgressTests : IDisposable
{
    private readonly TestFiles _files = new();
    private readonly MLContext _ml = new(seed: 1);

    public void Dispose() => _files.Dispose();

    private sealed class Collector : IProgress<FeaturizingProgress>
    {
        public List<FeaturizingProgress> Reports { get; } = new();
        public void Report(FeaturizingProgress value) => Reports.Add(value);
    }

    [Fact]
    public void SpectrogramReportsItsMomentsPassAndEachTransformPassUpToTheRowCount()
    {
        var rows = Enumerable.Range(0, 5).Select(i => new AudioRow { AudioPath = _files.WriteTone($"t{i}.wav", 300 + 100 * i, 0.3) }).ToList();
        var data = _ml.Data.LoadFromEnumerable(rows);
        var progress = new Collector();
        var options = new LogSpectrogramOptions { TimeFrames = 20, Standardization = SpectrogramStandardization.Dataset, BatchSize = 2, Progress = progress };

        var model = _ml.Msa().Transforms.LogSpectrogram(options).Fit(data);
        var moments = progress.Reports.Where(r => r.Transform.Contains("moments")).ToList();
        Assert.NotEmpty(moments);
        Assert.Equal(5, moments[^1].Rows);
        Assert.Equal(5, moments[^1].TotalRows);

        progress.Reports.Clear();
        Columns.Read(model.Transform(data), "Spectrogram");
        Assert.NotEmpty(progress.Reports);
        Assert.All(progress.Reports, r => Assert.Equal(model.ProgressName, r.Transform));
        Assert.Equal(5, progress.Reports[^1].Rows);
        Assert.Equal(1.0, progress.Reports[^1].Fraction);
        Assert.True(progress.Reports.Zip(progress.Reports.Skip(1)).All(p => p.Second.Rows >= p.First.Rows), "rows only grow within a pass");

        model.Progress = null;
        progress.Reports.Clear();
        Columns.Read(model.Transform(data), "Spectrogram");
        Assert.Empty(progress.Reports);
    }

    [Fact]
    public void BertReportsTheRowsOfItsBatchedPass()
    {
        var data = _ml.Data.LoadFromEnumerable(Enumerable.Range(0, 7).Select(i => new TextRow { Text = $"sentence number {i} is here" }).ToList());
        var progress = new Collector();
        var model = _ml.Msa().Transforms.BertEmbedding(new BertEmbeddingOptions { MaxTokens = 8, BucketWindow = 3, Progress = progress }).Fit(data);
        Columns.Read(model.Transform(data), "TextEmbedding");
        Assert.Equal(7, progress.Reports[^1].Rows);
        Assert.Equal(7, progress.Reports[^1].TotalRows);
        Assert.True(progress.Reports[^1].RowsPerSecond > 0);
    }

    [Fact]
    public void RemainingTimeFollowsTheRate()
    {
        var report = new FeaturizingProgress("x", 25, 100, TimeSpan.FromSeconds(10));
        Assert.Equal(2.5, report.RowsPerSecond, 6);
        Assert.Equal(30, report.Remaining!.Value.TotalSeconds, 6);
        Assert.Null(new FeaturizingProgress("x", 25, null, TimeSpan.FromSeconds(10)).Remaining);
    }
}
