using Microsoft.ML;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Ote;

namespace MsaMl.Trainers.Tests;

/// <summary>
/// A model reads the modalities it claims to read, and only those: with the class signal in one
/// modality and noise in the other, the model blind to the signal stays near chance on held-out
/// rows while the model that sees it (alone or fused) learns.
/// </summary>
public sealed class ModalityDependenceTests
{
    private const int Classes = 2;
    private const double NearChance = 0.75; // 2 classes, 32 held-out rows: chance is 0.5
    private const double Learned = 0.9;

    private static (IDataView Train, IDataView Test) Split(MLContext ml, SignalIn signal)
    {
        var train = TinyRow.Make(24, Classes, seed: 11, signal);
        var test = TinyRow.Make(32, Classes, seed: 12, signal);
        var labels = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(train));
        return (labels.Transform(ml.Data.LoadFromEnumerable(train)), labels.Transform(ml.Data.LoadFromEnumerable(test)));
    }

    private static double HeldOutAccuracy(MLContext ml, IEstimator<ITransformer> trainer, (IDataView Train, IDataView Test) data) =>
        ml.MulticlassClassification.Evaluate(trainer.Fit(data.Train).Transform(data.Test)).MicroAccuracy;

    private static AatOptions Aat(Modalities modalities) => new()
    {
        Modalities = modalities,
        AudioEncoder = AatAudioEncoder.SmallCnn,
        AudioChannels = 8,
        TextOutDim = 8,
        Epochs = 8,
        LearningRate = 0.005,
        BatchSize = 8,
        Dropout = 0.1,
    };

    private static OteOptions Ote(Modalities modalities) => new()
    {
        Modalities = modalities,
        ImageOutDim = 8,
        TextOutDim = 8,
        SmallCnnWidths = new[] { 8, 16 },
        FeedForwardDim = 16,
        Hidden = 8,
        Dropout = 0.0,
        Epochs = 8,
        LearningRate = 0.003,
        BatchSize = 8,
    };

    [Theory]
    [InlineData(SignalIn.Text, Modalities.Audio, Modalities.Text)]
    [InlineData(SignalIn.Audio, Modalities.Text, Modalities.Audio)]
    public void AatFollowsTheModalityThatCarriesTheClass(SignalIn signal, Modalities blind, Modalities seeing)
    {
        var ml = new MLContext(seed: 1);
        var data = Split(ml, signal);
        double blindAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Aat(Aat(blind)), data);
        double seeingAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Aat(Aat(seeing)), data);
        double fusedAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Aat(Aat(Modalities.Audio | Modalities.Text)), data);

        Assert.True(blindAccuracy <= NearChance, $"{blind}-only model on signal in {signal}: {blindAccuracy:P0}, expected near chance");
        Assert.True(seeingAccuracy >= Learned, $"{seeing}-only model on signal in {signal}: {seeingAccuracy:P0}");
        Assert.True(fusedAccuracy >= Learned, $"fused model on signal in {signal}: {fusedAccuracy:P0}");
    }

    [Theory]
    [InlineData(SignalIn.Text, Modalities.Image, Modalities.Text)]
    [InlineData(SignalIn.Image, Modalities.Text, Modalities.Image)]
    public void OteFollowsTheModalityThatCarriesTheClass(SignalIn signal, Modalities blind, Modalities seeing)
    {
        var ml = new MLContext(seed: 1);
        var data = Split(ml, signal);
        double blindAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Ote(Ote(blind)), data);
        double seeingAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Ote(Ote(seeing)), data);
        double fusedAccuracy = HeldOutAccuracy(ml, ml.Msa().Trainers.Ote(Ote(Modalities.Image | Modalities.Text)), data);

        Assert.True(blindAccuracy <= NearChance, $"{blind}-only model on signal in {signal}: {blindAccuracy:P0}, expected near chance");
        Assert.True(seeingAccuracy >= Learned, $"{seeing}-only model on signal in {signal}: {seeingAccuracy:P0}");
        Assert.True(fusedAccuracy >= Learned, $"fused model on signal in {signal}: {fusedAccuracy:P0}");
    }
}
