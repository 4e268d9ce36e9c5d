using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Training;
using MsaMl.Trainers.Training;

namespace MsaMl.Pipelines.Tests.Training;

/// <summary>
/// Class-balanced example weights: each class's rows weigh n / K in all, a rare class that overlaps
/// a common one is found far more often than without the weights, and the fitted model scores rows
/// that carry no label.
/// </summary>
public sealed class ClassBalancedEstimatorTests
{
    public sealed class Row
    {
        public string Label { get; set; } = "";

        [VectorType(1)]
        public float[] Features { get; set; } = new float[1];
    }

    public sealed class Input
    {
        [VectorType(1)]
        public float[] Features { get; set; } = new float[1];
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = [];
    }

    [Fact]
    public void EachClassWeighsTheSameInAllAndAnEmptyClassNothing()
    {
        float[] weights = ClassBalance.Weights([30, 10, 0]);
        Assert.Equal(40f / (2 * 30), weights[0], 5);
        Assert.Equal(40f / (2 * 10), weights[1], 5);
        Assert.Equal(0f, weights[2]);
        Assert.Equal(30 * weights[0], 10 * weights[1], 4);
    }

    /// <summary>Rows of "common" around 0 and of "rare" around 1.2 (unit deviation); trained nine to one, the rare class is rarely predicted unweighted.</summary>
    private static IEnumerable<Row> Rows(int common, int rare, int seed)
    {
        var random = new Random(seed);
        float Gaussian() => (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        for (int i = 0; i < common; i++) yield return new Row { Label = "common", Features = [Gaussian()] };
        for (int i = 0; i < rare; i++) yield return new Row { Label = "rare", Features = [1.2f + Gaussian()] };
    }

    private static double RareRecall(bool balanced, out ITransformer model, out MLContext ml)
    {
        ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Rows(180, 20, 1));
        var test = ml.Data.LoadFromEnumerable(Rows(0, 200, 2));
        var labels = ml.Transforms.Conversion.MapValueToKey("Label").Fit(train);
        var context = ml;
        IEstimator<ITransformer> Trainer(string? weights) => context.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            FeatureColumnName = "Features", ExampleWeightColumnName = weights,
        });
        var trainer = balanced ? new ClassBalancedEstimator<ITransformer>(ml, "Label", Trainer) : Trainer(null);
        model = trainer.Fit(labels.Transform(train));
        var predicted = model.Transform(labels.Transform(test)).GetColumn<uint>("PredictedLabel");
        const uint rareKey = 2; // keys in order of appearance: "common" 1, "rare" 2
        return predicted.Count(p => p == rareKey) / 200.0;
    }

    [Fact]
    public void TheRareClassIsFoundMoreOftenWhenClassesAreBalanced()
    {
        double without = RareRecall(balanced: false, out _, out _);
        double with = RareRecall(balanced: true, out var model, out var ml);
        Assert.True(with >= without + 0.3, $"rare-class recall: {with:P1} balanced, {without:P1} not");

        var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
        Assert.Equal(2, engine.Predict(new Input { Features = [3f] }).Score.Length);
    }

    [Fact]
    public void ALabelThatIsNotAKeyIsRefusedByName()
    {
        var ml = new MLContext(1);
        var data = ml.Data.LoadFromEnumerable(Rows(5, 5, 1));
        var estimator = new ClassBalancedEstimator<ITransformer>(ml, "Label", w => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(exampleWeightColumnName: w));
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => estimator.Fit(data));
        Assert.Contains("Label column 'Label': expected a UInt32 key type", error.Message);
    }
}
