using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Experiments.Tests;

/// <summary>One vocabulary from <c>--model</c> to the network: what each model reads, and the error when the data lacks it.</summary>
public sealed class ModalityVocabularyTests
{
    [Fact]
    public void EachModelChoiceReadsItsModalities()
    {
        Assert.Equal(Modalities.Audio, TaskModels.Reads(ModelChoice.First, Modalities.Audio));
        Assert.Equal(Modalities.Image, TaskModels.Reads(ModelChoice.First, Modalities.Image));
        Assert.Equal(Modalities.Text, TaskModels.Reads(ModelChoice.Text, Modalities.Image));
        foreach (var both in new[] { ModelChoice.Paper, ModelChoice.Early, ModelChoice.Late, ModelChoice.TensorFusion, ModelChoice.Attention })
            Assert.Equal(Modalities.Image | Modalities.Text, TaskModels.Reads(both, Modalities.Image));
        Assert.Equal(Modalities.Audio | Modalities.Text, TaskModels.ModalitiesOf(TaskKind.Speech));
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
        var task = TaskPipelines.Speech(ml, "text-only", records, new[] { "hap", "sad" }, new TrainingSettings { Quick = true, Seed = 1 });
        Assert.Equal(Modalities.Text, task.Available);
        var runner = new TaskRunner(ml, task, task.Featurize(ml));

        var error = Assert.Throws<InvalidDataException>(() => runner.Train(ModelChoice.Paper, "AAT"));
        Assert.Contains("Model 'AAT' reads audio + text, but dataset 'text-only' has text (missing: audio)", error.Message);
        Assert.Throws<InvalidDataException>(() => runner.Train(ModelChoice.Late, "late fusion"));
        Assert.Equal(Modalities.Text, TaskModels.Reads(ModelChoice.Text, task.First));
    }
}
