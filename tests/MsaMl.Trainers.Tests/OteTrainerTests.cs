using Microsoft.ML;
using MsaMl.Trainers.Ote;

namespace MsaMl.Trainers.Tests;

public sealed class OteTrainerTests
{
    [Theory]
    [InlineData(OteFusion.Paper)]
    [InlineData(OteFusion.CrossModal)]
    public void OverfitsATinyBatch(OteFusion fusion)
    {
        var ml = new MLContext(seed: 1);
        var data = TinyRow.Load(ml, TinyRow.Make(16, 2, seed: 4));
        var options = new OteOptions
        {
            Fusion = fusion,
            ImageOutDim = 16,
            TextOutDim = 16,
            CrossModalDim = 16,
            FeedForwardDim = 64,
            Hidden = 16,
            Dropout = 0.0,
            Epochs = 30,
            LearningRate = 0.003,
            BatchSize = 8,
        };
        var model = ml.Msa().Trainers.Ote(options).Fit(data);
        var scored = model.Transform(data);
        Assert.Equal(1.0, ml.MulticlassClassification.Evaluate(scored).MicroAccuracy);

        // Two classes: ML.NET's binary evaluator reads the scalar score and Boolean prediction.
        var binary = ml.BinaryClassification.EvaluateNonCalibrated(scored, "IsPositive", "BinaryScore", "BinaryPredictedLabel");
        Assert.Equal(1.0, binary.Accuracy);
        Assert.Equal(1.0, binary.AreaUnderRocCurve);
    }
}
