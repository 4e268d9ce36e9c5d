using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Experiments.Configuration;

namespace MsaMl.Experiments.Tests.Configuration;

/// <summary>
/// Two pooled models averaged (<see cref="PooledModelOptions.AveragedWith"/>) and a pooled model
/// trained without the speed copies (<see cref="PooledModelOptions.TrainOnSpeedCopies"/>).
/// </summary>
public sealed class PooledAverageTests
{
    public sealed class Row
    {
        public string Id { get; set; } = "";
        public string Label { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = new float[2];
    }

    public sealed class Input
    {
        [VectorType(2)]
        public float[] Features { get; set; } = new float[2];
    }

    public sealed class Output
    {
        public string PredictedLabel { get; set; } = "";
        public float[] Score { get; set; } = [];
    }

    /// <summary>
    /// Originals whose class is the sign of the first value; with <paramref name="flippedCopies"/>,
    /// each also has three "@speed" copies that carry the other class.
    /// </summary>
    private static List<Row> Rows(int count, int seed, bool flippedCopies)
    {
        var random = new Random(seed);
        var rows = new List<Row>();
        for (int i = 0; i < count; i++)
        {
            bool high = i % 2 == 0;
            var features = new[] { (high ? 1f : -1f) + 0.8f * (float)(random.NextDouble() - 0.5), (float)random.NextDouble() };
            rows.Add(new Row { Id = $"r{i}", Label = high ? "high" : "low", Features = features });
            if (!flippedCopies) continue;
            foreach (string speed in new[] { "0.8", "0.9", "1.1" })
                rows.Add(new Row { Id = $"r{i}{TrainingSpeedCopies.Marker}{speed}", Label = high ? "low" : "high", Features = features });
        }
        return rows;
    }

    private static (ITransformer Model, IDataView Test, MLContext Ml) Fit(PooledModelOptions options, bool flippedCopies = false)
    {
        var ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Rows(60, 1, flippedCopies));
        var labels = ml.Transforms.Conversion.MapValueToKey("Label").Fit(train);
        var model = options.Estimator(ml, ["Features"]).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(labels.Transform(train));
        return (model, ml.Data.LoadFromEnumerable(Rows(40, 2, flippedCopies: false)), ml);
    }

    private static double Accuracy(ITransformer model, IDataView test)
    {
        var scored = model.Transform(test);
        return test.GetColumn<string>("Label").Zip(scored.GetColumn<string>("PredictedLabel")).Count(p => p.First == p.Second) / (double)test.GetRowCount()!.Value;
    }

    [Fact]
    public void TheAverageScoresTheMeanOfTheTwoModelsProbabilities()
    {
        var first = new PooledModelOptions { L2Regularization = 0.1f };
        var second = new PooledModelOptions { L2Regularization = 3f, CenterFeatures = false };
        var (averaged, test, ml) = Fit(new PooledModelOptions { L2Regularization = 0.1f, AveragedWith = second });
        var fused = averaged.Transform(test).GetColumn<float[]>("Score").ToArray();
        var one = Fit(first).Model.Transform(test).GetColumn<float[]>("Score").ToArray();
        var two = Fit(second).Model.Transform(test).GetColumn<float[]>("Score").ToArray();
        Assert.NotEqual(one[0][0], two[0][0], 3);
        for (int i = 0; i < fused.Length; i++)
            for (int c = 0; c < 2; c++) Assert.Equal((one[i][c] + two[i][c]) / 2, fused[i][c], 5);

        var engine = ml.Model.CreatePredictionEngine<Input, Output>(averaged);
        var prediction = engine.Predict(new Input { Features = [1.2f, 0.5f] });
        Assert.Equal("high", prediction.PredictedLabel);
        Assert.Equal(1f, prediction.Score.Sum(), 4);
    }

    [Fact]
    public void AModelTrainedWithoutSpeedCopiesLeavesOutTheRowsWhoseIdMarksACopy()
    {
        // The copies outnumber the originals three to one and carry the other class.
        double without = Accuracy(Fit(new PooledModelOptions { TrainOnSpeedCopies = false }, flippedCopies: true) is var a ? a.Model : null!, a.Test);
        double with = Accuracy(Fit(new PooledModelOptions(), flippedCopies: true) is var b ? b.Model : null!, b.Test);
        Assert.True(without >= 0.95, $"without the copies: {without:P1}");
        Assert.True(with <= 0.1, $"with them: {with:P1}");
    }

    [Fact]
    public void AveragingIsRefusedWhereItCannotBeDone()
    {
        var nested = new PooledModelOptions { AveragedWith = new PooledModelOptions { AveragedWith = new PooledModelOptions() } };
        Assert.Contains("AveragedWith.AveragedWith", Assert.Throws<ArgumentOutOfRangeException>(nested.Validate).Message);
        var badSecond = new PooledModelOptions { AveragedWith = new PooledModelOptions { L1Regularization = -1 } };
        var refused = Assert.Throws<ArgumentOutOfRangeException>(badSecond.Validate);
        Assert.StartsWith("AveragedWith.L1Regularization: expected 0 or more.", refused.Message);
        Assert.Equal("AveragedWith", refused.ParamName);
        var ml = new MLContext(1);
        var regression = new PooledModelOptions { AveragedWith = new PooledModelOptions() };
        Assert.Contains("classification", Assert.Throws<ArgumentOutOfRangeException>(() => regression.Estimator(ml, ["Features"], regression: true)).Message);

        var noIds = ml.Data.LoadFromEnumerable(new[] { new Input { Features = [1, 0] } });
        var withoutCopies = new PooledModelOptions { TrainOnSpeedCopies = false }.Estimator(ml, ["Features"]);
        Assert.Contains("Column 'Id'", Assert.Throws<ArgumentOutOfRangeException>(() => withoutCopies.Fit(noIds)).Message);
    }
}
