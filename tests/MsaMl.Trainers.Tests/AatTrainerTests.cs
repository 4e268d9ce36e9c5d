using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;

namespace MsaMl.Trainers.Tests;

public sealed class AatTrainerTests
{
    private static AatOptions Tiny(AatAudioEncoder encoder = AatAudioEncoder.SmallCnn, AatPooling pooling = AatPooling.Attention) => new()
    {
        AudioEncoder = encoder,
        Pooling = pooling,
        AudioChannels = 16,
        TextOutDim = 8,
        Epochs = 40,
        LearningRate = 0.005,
        BatchSize = 8,
        Dropout = 0.1,
    };

    private static double TrainAccuracy(MLContext ml, IDataView data, AatOptions options)
    {
        var model = ml.Msa().Trainers.Aat(options).Fit(data);
        return ml.MulticlassClassification.Evaluate(model.Transform(data)).MicroAccuracy;
    }

    [Theory]
    [InlineData(AatAudioEncoder.SmallCnn, AatPooling.Attention)]
    [InlineData(AatAudioEncoder.SmallCnn, AatPooling.Linear)]
    [InlineData(AatAudioEncoder.Linear, AatPooling.Attention)]
    [InlineData(AatAudioEncoder.SmallCnn, AatPooling.OriginalCodeAttention)]
    public void OverfitsATinyBatch(AatAudioEncoder encoder, AatPooling pooling)
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(16, 4, seed: 2));
        Assert.Equal(1.0, TrainAccuracy(ml, data, Tiny(encoder, pooling)));
    }

    [Fact]
    public void StreamingBatchesFromTheDataViewAlsoLearn()
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(16, 4, seed: 2));
        var options = Tiny();
        options.StreamTrainingData = true;
        options.BalanceClasses = true;
        var trainer = ml.Msa().Trainers.Aat(options);
        var model = trainer.Fit(data, data);
        Assert.Equal(1.0, ml.MulticlassClassification.Evaluate(model.Transform(data)).MicroAccuracy);
        Assert.Equal(1.0, trainer.LastReport!.Epochs[^1].ValidationAccuracy);
    }

    [Fact]
    public void AlexNetFcnLearnsOnItsSmallestInput()
    {
        var ml = new MLContext(seed: 1);
        var rows = TinyRow.Make(8, 2, seed: 3);
        var big = rows.Select(r => new AlexRow { Label = r.Label, Spectrogram = Enumerable.Range(0, 3 * 67 * 67).Select(i => r.Spectrogram[i % r.Spectrogram.Length]).ToArray(), TextTokens = r.TextTokens }).ToArray();
        var data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(big)).Transform(ml.Data.LoadFromEnumerable(big));
        var options = Tiny(AatAudioEncoder.AlexNetFcn);
        options.Modalities = Modalities.Audio;
        options.Epochs = 25;
        options.LearningRate = 0.001;
        Assert.Equal(1.0, TrainAccuracy(ml, data, options));
    }

    public sealed class AlexRow
    {
        public string Label { get; set; } = "";
        [VectorType(3, 67, 67)] public float[] Spectrogram { get; set; } = Array.Empty<float>();
        [VectorType(4, 8)] public float[] TextTokens { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void SameSeedGivesSameMetrics()
    {
        (MulticlassClassificationMetrics Metrics, float[][] Scores) Run()
        {
            var ml = new MLContext(seed: 5);
            var data = TinyRow.Load(ml, TinyRow.Make(16, 4, seed: 2));
            var options = Tiny();
            options.Epochs = 3;
            var scored = ml.Msa().Trainers.Aat(options).Fit(data).Transform(data);
            return (ml.MulticlassClassification.Evaluate(scored), ml.Data.CreateEnumerable<ScoreRow>(scored, false).Select(r => r.Score).ToArray());
        }
        var (first, firstScores) = Run();
        var (second, secondScores) = Run();
        Assert.Equal(first.MicroAccuracy, second.MicroAccuracy);
        Assert.Equal(first.MacroAccuracy, second.MacroAccuracy);
        Assert.Equal(first.LogLoss, second.LogLoss, tolerance: 1e-5);
        // Multi-threaded CPU reductions may differ in the last float bit between runs.
        for (int row = 0; row < firstScores.Length; row++)
            for (int c = 0; c < 4; c++) Assert.Equal(firstScores[row][c], secondScores[row][c], tolerance: 1e-5f);
    }

    public sealed class ScoreRow { public float[] Score { get; set; } = Array.Empty<float>(); }

    [Fact]
    public void OutputsCarryClassNamesAndWorkWithMapKeyToValue()
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(12, 3, seed: 2));
        var options = Tiny();
        options.Modalities = Modalities.Text;
        options.Epochs = 2;
        var scored = ml.Msa().Trainers.Aat(options).Fit(data).Transform(data);

        VBuffer<ReadOnlyMemory<char>> slots = default;
        scored.Schema["Score"].GetSlotNames(ref slots);
        Assert.Equal(new[] { "class0", "class1", "class2" }, slots.DenseValues().Select(s => s.ToString()));
        var mapped = ml.Transforms.Conversion.MapKeyToValue("PredictedText", "PredictedLabel").Fit(scored).Transform(scored);
        var predicted = mapped.GetColumn<string>("PredictedText").ToArray();
        Assert.All(predicted, p => Assert.StartsWith("class", p));
    }

    [Fact]
    public void LabelProblemsNameTheColumn()
    {
        var ml = new MLContext(seed: 1);
        var raw = ml.Data.LoadFromEnumerable(TinyRow.Make(4, 2, seed: 1));
        var notKey = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Msa().Trainers.Aat(Tiny()).Fit(raw));
        Assert.Contains("'Label'", notKey.Message);
        Assert.Contains("key", notKey.Message);

        var options = Tiny();
        options.LabelColumnName = "Emotion";
        var missing = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Msa().Trainers.Aat(options).Fit(TinyRow.Load(ml, TinyRow.Make(4, 2, seed: 1))));
        Assert.Contains("'Emotion'", missing.Message);
    }
}
