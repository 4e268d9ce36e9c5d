using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;
using MsaMl.Datasets;

namespace MsaMl.Experiments.Tests;

/// <summary>One vocabulary from <c>--model</c> to the network: what a dataset provides, what each model reads, and the error when the data lacks it.</summary>
public sealed class ModalityVocabularyTests
{
    private static readonly Modalities Speech = Modalities.Audio | Modalities.Text;
    private static readonly Modalities All = Modalities.Audio | Modalities.Image | Modalities.Text;

    [Fact]
    public void EachModelReadsItsModalitiesAndFusionsReadWhatTheDatasetProvides()
    {
        NamedModel Model(string name, Modalities declared) => TaskModels.Parse(name, declared);
        Assert.Equal(Modalities.Audio, TaskModels.Reads(Model("audio", Speech), Speech));
        Assert.Equal(Modalities.Text, TaskModels.Reads(Model("text", Speech), Speech));
        Assert.Equal(Speech, TaskModels.Reads(Model("aat", All), All));
        foreach (var fusion in new[] { "early", "late", "tfn", "attention" })
        {
            Assert.Equal(Speech, TaskModels.Reads(Model(fusion, Speech), Speech));
            Assert.Equal(All, TaskModels.Reads(Model(fusion, All), All));
            Assert.Equal(Modalities.Image | Modalities.Text, TaskModels.Reads(Model(fusion, All), All, Modalities.Image | Modalities.Text));
        }
        Assert.Equal(Speech, DatasetLoader.ModalitiesOf("emodb"));
        Assert.Equal(Modalities.Image | Modalities.Text, DatasetLoader.ModalitiesOf("senticap"));
        Assert.Equal(All, DatasetLoader.ModalitiesOf("table", "text=T,audio=A,image=I,label=L"));
        Assert.Equal(Modalities.Text | Modalities.Visual, DatasetLoader.ModalitiesOf("table", "text=T,video=V,label=L"));
        Assert.Equal(Modalities.Visual, TaskModels.Reads(Model("visual", Modalities.Text | Modalities.Visual), Modalities.Text | Modalities.Visual));
        Assert.Equal(Speech, DatasetLoader.ModalitiesOf("mosi", root: Path.GetTempPath()));
        Assert.Equal("aat", TaskModels.Default(All));
        Assert.Equal("ote", TaskModels.Default(Modalities.Image | Modalities.Text));
    }

    [Fact]
    public void AModelOrSubsetOutsideTheDatasetIsRefusedNamingBoth()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskModels.Parse("ote", Speech));
        Assert.Contains("Model 'ote' reads image + text, but the dataset has audio + text", error.Message);
        var subset = Assert.Throws<ArgumentException>(() => TaskModels.Reads(TaskModels.Parse("tfn", Speech), Speech, Modalities.Audio | Modalities.Image));
        Assert.Contains("audio + image", subset.Message);
        Assert.Throws<ArgumentException>(() => TaskModels.Reads(TaskModels.Parse("late", Speech), Speech, Modalities.Audio));
    }

    [Fact]
    public void AModelOfAModalityTheDataLacksIsRefusedNamingWhatItReadsAndWhatTheDataHas()
    {
        var ml = new MLContext(seed: 1);
        // Text only, as a MOSI label.csv without audio gives it.
        var records = Enumerable.Range(0, 8).Select(i => new MultimodalRecord
        {
            Id = $"r{i}", Text = i % 2 == 0 ? "a happy day" : "a sad day", Label = i % 2 == 0 ? "hap" : "sad",
            Split = i < 6 ? SplitNames.Train : SplitNames.Test,
        }).ToList();
        var overlay = new System.Text.Json.Nodes.JsonObject();
        ConfigOverlay.Set(overlay, "dataset.name=emodb");
        ConfigOverlay.Set(overlay, "training.quick=true");
        var config = ExperimentConfigResolver.Resolve(overlay);
        var task = ConfiguredTask.Create(ml, "text-only", records, ["hap", "sad"], config);
        Assert.Equal(Modalities.Text, task.Available);
        using var features = task.Featurize(ml);
        var runner = new TaskRunner(ml, task, features, seed: 1);

        var error = Assert.Throws<InvalidDataException>(() => runner.Train(config.Model, "AAT"));
        Assert.Contains("Model 'AAT' reads audio + text, but dataset 'text-only' has text (missing: audio)", error.Message);
        ConfigOverlay.Set(overlay, "model.name=late");
        Assert.Throws<InvalidDataException>(() => runner.Train(ExperimentConfigResolver.Resolve(overlay).Model, "late fusion"));
    }
}
