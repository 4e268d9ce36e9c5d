using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Tests;

/// <summary>Regression output (one scalar, L1 or MSE, Score as Single) of every TorchSharp trainer, on held-out rows.</summary>
public sealed class RegressionHeadTests
{
    private static readonly IntensityRow[] Train = IntensityRow.Make(64, seed: 11);
    private static readonly IntensityRow[] Test = IntensityRow.Make(32, seed: 12);

    private static T Regression<T>(T options) where T : TorchTrainerOptions
    {
        options.OutputKind = TorchOutputKind.Regression;
        options.Epochs = 25;
        options.LearningRate = 0.01;
        options.BatchSize = 16;
        options.Seed = 3;
        return options;
    }

    private static AatOptions Aat(Modalities modalities) => Regression(new AatOptions
    {
        Modalities = modalities, AudioEncoder = AatAudioEncoder.SmallCnn, AudioChannels = 8, TextOutDim = 8, Dropout = 0,
    });

    private static OteOptions Ote(Modalities modalities) => Regression(new OteOptions
    {
        Modalities = modalities, SmallCnnWidths = [8, 8], ImageOutDim = 8, TextOutDim = 8, CrossModalDim = 8, FeedForwardDim = 16, Dropout = 0,
    });

    private static FusionHeadOptions Head(FusionHead head) => Regression(new FusionHeadOptions
    {
        Head = head, FirstColumnName = "Spectrogram", SecondColumnName = "TextTokens", Width = 8, Heads = 2, Hidden = 16, Dropout = 0,
    });

    public static TheoryData<string> Models => new() { "aat", "aat-text", "ote", "tfn", "attention" };

    private static ITorchTrainer Trainer(MLContext ml, string model) => model switch
    {
        "aat" => ml.Msa().Trainers.Aat(Aat(Modalities.Audio | Modalities.Text)),
        "aat-text" => ml.Msa().Trainers.Aat(Aat(Modalities.Text)),
        "ote" => ml.Msa().Trainers.Ote(Ote(Modalities.Image | Modalities.Text)),
        "tfn" => ml.Msa().Trainers.FusionHead(Head(FusionHead.TensorFusion)),
        _ => ml.Msa().Trainers.FusionHead(Head(FusionHead.CrossModalAttention)),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void LearnsTheTargetFarBetterThanTheMeanOnHeldOutRows(string model)
    {
        var ml = new MLContext(seed: 1);
        var trainer = Trainer(ml, model);
        var scored = trainer.Fit(IntensityRow.Load(ml, Train), IntensityRow.Load(ml, Test)).Transform(IntensityRow.Load(ml, Test));

        Assert.Equal(NumberDataViewType.Single, scored.Schema["Score"].Type);
        Assert.Null(scored.Schema.GetColumnOrNull("PredictedLabel"));
        var metrics = ml.Regression.Evaluate(scored, "Label", "Score");
        double baseline = IntensityRow.MeanPredictorMae(Train, Test);
        Assert.True(metrics.MeanAbsoluteError < 0.4 * baseline, $"{model}: MAE {metrics.MeanAbsoluteError:F3}, mean predictor {baseline:F3}");
        Assert.True(metrics.RSquared > 0.7, $"{model}: R² {metrics.RSquared:F3}");
        var last = trainer.LastReport!.Epochs[^1];
        Assert.NotNull(last.ValidationMae);
        Assert.True(double.IsNaN(last.TrainAccuracy));
    }

    [Fact]
    public void MseLossTrainsToo_AndTheSameSeedGivesTheSameScores()
    {
        double[] Scores()
        {
            var ml = new MLContext(seed: 1);
            var options = Aat(Modalities.Text);
            options.RegressionLoss = RegressionLoss.Mse;
            var scored = ml.Msa().Trainers.Aat(options).Fit(IntensityRow.Load(ml, Train)).Transform(IntensityRow.Load(ml, Test));
            return scored.GetColumn<float>("Score").Select(v => (double)v).ToArray();
        }
        var first = Scores();
        double mae = first.Zip(Test, (p, r) => Math.Abs(p - r.Label)).Average();
        Assert.True(mae < 0.4 * IntensityRow.MeanPredictorMae(Train, Test), $"MAE {mae:F3}");
        Assert.Equal(first, Scores(), (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void EarlyStoppingKeepsTheEpochWithTheLowestValidationMae()
    {
        var ml = new MLContext(seed: 1);
        var options = Aat(Modalities.Text);
        options.EarlyStoppingPatience = 3;
        var trainer = ml.Msa().Trainers.Aat(options);
        trainer.Fit(IntensityRow.Load(ml, Train), IntensityRow.Load(ml, Test));

        var report = trainer.LastReport!;
        double best = report.Epochs.Min(e => e.ValidationMae!.Value);
        Assert.Equal(best, report.BestValidationMae);
        Assert.Equal(best, report.Epochs[report.BestEpoch - 1].ValidationMae);
    }

    [Fact]
    public void AKeyLabelIsRefusedWithTheExpectedType()
    {
        var ml = new MLContext(seed: 1);
        var keyed = TinyRow.Load(ml, TinyRow.Make(8, 2, seed: 1));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => ml.Msa().Trainers.Aat(Aat(Modalities.Text)).Fit(keyed));

        Assert.Contains("Label column 'Label': a regression model expects Single", error.Message);
    }

    [Fact]
    public void ClassWeightsAreRefusedForRegression()
    {
        var ml = new MLContext(seed: 1);
        var options = Aat(Modalities.Text);
        options.BalanceClasses = true;

        var error = Assert.Throws<OptionOutOfRangeException>(() => ml.Msa().Trainers.Aat(options));
        Assert.Equal(nameof(options.BalanceClasses), error.ParamName);
        Assert.StartsWith("BalanceClasses: class weights apply to classification", error.Message);
    }
}
