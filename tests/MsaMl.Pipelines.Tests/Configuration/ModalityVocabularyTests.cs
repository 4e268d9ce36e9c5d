using Microsoft.ML;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Experiments;

namespace MsaMl.Pipelines.Tests.Configuration;

/// <summary>One modality vocabulary from <c>--model</c> to the network: a model that cannot read a dataset's modalities is an error naming both.</summary>
public sealed class ModalityVocabularyTests
{
    [Theory]
    [InlineData("audio", Modalities.Audio)]
    [InlineData("text", Modalities.Text)]
    [InlineData("aat", Modalities.Audio | Modalities.Text)]
    [InlineData("tfn", Modalities.Audio | Modalities.Text)]
    public void ASpeechModelNameSelectsTheModalitiesItReads(string name, Modalities reads) =>
        Assert.Equal(reads, TaskModels.Parse(name, TaskKind.Speech).Reads);

    [Fact]
    public void AnImageModelOnASpeechDatasetNamesWhatItReadsAndWhatTheDatasetHas()
    {
        var error = Assert.Throws<ArgumentException>(() => TaskModels.Parse("ote", TaskKind.Speech));
        Assert.Contains("Model 'ote' reads image + text", error.Message);
        Assert.Contains("a speech dataset has audio + text (missing: image)", error.Message);
        Assert.Contains(string.Join(", ", TaskModels.Names(TaskKind.Speech)), error.Message);

        var image = Assert.Throws<ArgumentException>(() => TaskModels.Parse("image", TaskKind.Speech));
        Assert.Contains("Model 'image' reads image, but a speech dataset has audio + text", image.Message);
    }

    [Theory]
    [InlineData("aat")]
    [InlineData("audio")]
    [InlineData("late")]
    public void AModelThatNeedsAudioOnADatasetWithoutAudioNamesBoth(string name)
    {
        var ml = new MLContext(seed: 1);
        var records = new[] { "happy", "sad", "happy", "sad" }
            .Select((label, i) => new MultimodalRecord { Id = $"r{i}", Text = $"words {label}", Label = label, Split = SplitNames.Train }).ToList();
        var task = TaskPipelines.Speech(ml, "no-audio", records, new[] { "happy", "sad" }, new TrainingSettings { Quick = true });
        Assert.Equal(Modalities.Text, task.Modalities);

        var error = Assert.Throws<InvalidDataException>(() => TrainingRun.Run(ml, task, TaskModels.Parse(name, TaskKind.Speech), Path.Combine(Path.GetTempPath(), "unused.zip")));
        Assert.Contains($"Model '{name}' reads audio + text".Replace(" + text", name == "audio" ? "" : " + text"), error.Message);
        Assert.Contains("dataset 'no-audio' has text (missing: audio)", error.Message);
    }
}
