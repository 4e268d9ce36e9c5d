using Microsoft.ML;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class StreamingTests
{
    private static readonly string[] Columns = { "Spectrogram", "TextTokens" };

    private static AatOptions Tiny() => new() { AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 8, TextOutDim = 8, Epochs = 3, LearningRate = 0.005, BatchSize = 4, Dropout = 0.1, Seed = 3 };

    private static List<(float[] Audio, long[] Labels)> Epochs(IBatchSource source, int epochs, int seed, bool shuffle = true)
    {
        var random = new Random(seed);
        var batches = new List<(float[], long[])>();
        for (int e = 0; e < epochs; e++)
            foreach (var batch in source.Batches(4, shuffle ? random : null, CPU))
            {
                using var scope = NewDisposeScope();
                batches.Add((batch.Inputs[0].data<float>().ToArray(), batch.Labels.data<long>().ToArray()));
            }
        return batches;
    }

    [Fact]
    public void StreamedBatchesComeInTheInMemoryOrderForTheSameSeed()
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(21, 3, seed: 4));
        var table = FeatureReader.Read(data, Columns, "Label");
        // A window of one batch: each shuffled pass gathers its rows in six sequential passes.
        var streamed = new DataViewBatchSource(data, Columns, "Label", windowBytes: 1);
        Assert.Equal(6, streamed.PassesPerEpoch(4));

        var inMemory = Epochs(table, 3, seed: 9);
        var fromView = Epochs(streamed, 3, seed: 9);
        Assert.Equal(inMemory.Count, fromView.Count);
        for (int i = 0; i < inMemory.Count; i++)
        {
            Assert.Equal(inMemory[i].Labels, fromView[i].Labels);
            Assert.Equal(inMemory[i].Audio, fromView[i].Audio);
        }
        // The order really is shuffled, and differs from epoch to epoch.
        var sequential = Epochs(table, 1, seed: 9, shuffle: false);
        Assert.NotEqual(sequential.SelectMany(b => b.Labels), inMemory.Take(6).SelectMany(b => b.Labels));
        Assert.NotEqual(inMemory.Take(6).SelectMany(b => b.Audio), inMemory.Skip(6).Take(6).SelectMany(b => b.Audio));
        Assert.Equal(sequential.SelectMany(b => b.Audio), Epochs(streamed, 1, seed: 9, shuffle: false).SelectMany(b => b.Audio));
    }

    [Fact]
    public void TrainingStreamedFromTheDiskCacheUnderATinyBudgetMatchesTrainingInMemory()
    {
        var ml = new MLContext(seed: 1);
        using var cache = new FeatureCache(ml);
        var data = cache.Save(TinyRow.Load(ml, TinyRow.Make(18, 3, seed: 5)), "train");
        Assert.True(cache.BytesOnDisk > 0);

        (TrainingReport Report, float[][] Scores) Train(double? budgetMegabytes)
        {
            var options = Tiny();
            options.MemoryBudgetMegabytes = budgetMegabytes;
            var trainer = ml.Msa().Trainers.Aat(options);
            var scored = trainer.Fit(data, data).Transform(data);
            return (trainer.LastReport!, ml.Data.CreateEnumerable<AatTrainerTests.ScoreRow>(scored, false).Select(r => r.Score).ToArray());
        }
        var (memory, memoryScores) = Train(null);
        // 2 KiB: the features (18 rows of 1,184 floats, twice with the validation data) exceed it; one batch is over it, so each window is one batch.
        var (streamed, streamedScores) = Train(2.0 / 1024);
        Assert.False(memory.Streamed);
        Assert.True(streamed.Streamed);
        Assert.Equal(2L * 18 * (3 * 16 * 24 + 32) * sizeof(float), memory.FeatureBytes);
        Assert.Equal(memory.Epochs.Select(e => e.ValidationAccuracy), streamed.Epochs.Select(e => e.ValidationAccuracy));
        for (int e = 0; e < memory.Epochs.Count; e++) Assert.Equal(memory.Epochs[e].TrainLoss, streamed.Epochs[e].TrainLoss, 5);
        for (int row = 0; row < memoryScores.Length; row++)
            for (int c = 0; c < 3; c++) Assert.Equal(memoryScores[row][c], streamedScores[row][c], 1e-5f);
    }

    [Fact]
    public void BatchProgressCountsEveryBatchOfEveryEpoch()
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(10, 2, seed: 5));
        var reports = new List<BatchReport>();
        var trainer = ml.Msa().Trainers.Aat(Tiny());
        trainer.BatchProgress = new Collect(reports);
        var stages = new List<string>();
        trainer.StageProgress = new Lines(stages);
        trainer.Fit(data);
        Assert.Equal(3 * 3, reports.Count);
        // The phases without batches announce themselves: reading the features, then batch-norm recalibration.
        Assert.Equal(2, stages.Count);
        Assert.StartsWith("reading ", stages[0]);
        Assert.Matches("^recalibrating [0-9]+ batch-norm layers over the 10 training rows", stages[1]);
        Assert.All(reports, r => Assert.Equal(3, r.BatchesPerEpoch));
        Assert.Equal(new[] { 1, 2, 3, 1, 2, 3, 1, 2, 3 }, reports.Select(r => r.Batch));
        Assert.Equal(TimeSpan.Zero, reports[^1].Remaining);
        Assert.True(reports[0].Remaining > TimeSpan.Zero);
    }

    private sealed class Collect(List<BatchReport> reports) : IProgress<BatchReport>
    {
        public void Report(BatchReport value) => reports.Add(value);
    }

    private sealed class Lines(List<string> lines) : IProgress<string>
    {
        public void Report(string value) => lines.Add(value);
    }
}
