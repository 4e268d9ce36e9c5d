using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Modules;

namespace MsaMl.Experiments.Tests.Models;

/// <summary>What a configuration says reaches the network the trainer builds: keys, columns, modalities.</summary>
public sealed class ModelWiringTests
{
    private static ExperimentConfig Config(params string[] assignments)
    {
        var overlay = new JsonObject();
        ConfigOverlay.Set(overlay, "dataset.name=table");
        ConfigOverlay.Set(overlay, "dataset.map=text=T,audio=A,image=I,label=L");
        foreach (string assignment in assignments) ConfigOverlay.Set(overlay, assignment);
        return ExperimentConfigResolver.Resolve(overlay);
    }

    private static ExperimentTask Task(MLContext ml, ExperimentConfig config) =>
        ConfiguredTask.Create(ml, "t", [new MultimodalRecord { Id = "r", Text = "words", AudioPath = "a.wav", ImagePath = "i.png", Label = "x", Split = SplitNames.Train }], ["x"], config);

    [Fact]
    public void SpecAugmentKeysReachTheSpectrogramEncodersMaskingModule()
    {
        var ml = new MLContext(1);
        var config = Config("model.name=aat", "model.frequencyMasks=2", "model.timeMasks=1", "model.timeMaskWidth=12");
        var trainer = Assert.IsType<AatTrainer>(new TaskModelBuilder(ml, Task(ml, config), seed: 1, quick: false).Torch(config.Model, Modalities.Audio | Modalities.Text, "Score", "PredictedLabel"));

        var encoder = Assert.IsType<SpectrogramEncoderOptions>(AatComposition.Of(trainer.Options).Encoders[0]);
        Assert.Equal((2, 1, 12), (encoder.FrequencyMasks, encoder.TimeMasks, encoder.TimeMaskWidth));
        var network = encoder.Create([3, 40, 200]).Module;
        Assert.Contains(network.modules(), m => m is SpecAugment);
        Assert.Equal("Spectrogram", trainer.Options.AudioColumnName);
    }

    [Fact]
    public void FusionHeadsReadEveryChosenModalitysSequenceColumn()
    {
        var ml = new MLContext(1);
        var config = Config("model.name=tfn", "training.quick=true");
        var task = Task(ml, config);
        var trainer = Assert.IsType<FusionHeadTrainer>(new TaskModelBuilder(ml, task, seed: 1, quick: true).Torch(config.Model, task.Available, "Score", "PredictedLabel"));

        Assert.Equal([(Modalities.Audio, "Spectrogram"), (Modalities.Image, "ImageTensor"), (Modalities.Text, "TextTokens")],
            trainer.Options.Inputs.Select(i => (i.Modality, i.ColumnName)));
        Assert.Equal(3, FusionHeadComposition.Of(trainer.Options).Encoders.Count);
        Assert.Equal(1, trainer.Options.Seed);
        Assert.Equal(3, trainer.Options.Epochs);
    }
}
