using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Experiments.Configuration;
using MsaMl.Pipelines;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments.Tests.Configuration;

/// <summary>
/// Options check themselves where they are defined: a library caller gets the same words the
/// experiment configuration reports under the key path.
/// </summary>
public class OptionsValidationTests
{
    public static TheoryData<string, Action> LibraryChecks => new()
    {
        { "model.epochs", () => new MLContext(1).Msa().Trainers.Aat(new AatOptions { Epochs = 0 }) },
        { "model.learningRate", () => new MLContext(1).Msa().Trainers.FusionHead(new FusionHeadOptions { LearningRate = -0.1 }) },
        { "model.dropout", () => new MLContext(1).Msa().Trainers.Ote(new OteOptions { Dropout = 1.5 }) },
        { "model.momentum", () => new MLContext(1).Msa().Trainers.Aat(new AatOptions { Momentum = 1 }) },
        { "model.lambda", () => new MLContext(1).Msa().Trainers.Aat(new AatOptions { Lambda = 0 }) },
        { "featurizers.spectrogram.fftSize", () => new LogSpectrogramOptions { FftSize = 100 }.Validate() },
        { "featurizers.spectrogram.timeFrames", () => new LogSpectrogramOptions { TimeFrames = 0 }.Validate() },
        { "featurizers.text.maxTokens", () => new BertEmbeddingOptions { MaxTokens = 2 }.Validate() },
        { "featurizers.image.width", () => new ImageTensorOptions { Width = 0 }.Validate() },
    };

    private static readonly Dictionary<string, string> Assignments = new()
    {
        ["model.epochs"] = "model.epochs=0",
        ["model.learningRate"] = "model.learningRate=-0.1",
        ["model.dropout"] = "model.dropout=1.5",
        ["model.momentum"] = "model.momentum=1",
        ["model.lambda"] = "model.lambda=0",
        ["featurizers.spectrogram.fftSize"] = "featurizers.spectrogram.fftSize=100",
        ["featurizers.spectrogram.timeFrames"] = "featurizers.spectrogram.timeFrames=0",
        ["featurizers.text.maxTokens"] = "featurizers.text.maxTokens=2",
        ["featurizers.image.width"] = "featurizers.image.width=0",
    };

    [Theory]
    [MemberData(nameof(LibraryChecks))]
    public void TheLibraryAndTheConfigurationRefuseAValueWithTheSameWords(string key, Action libraryCall)
    {
        var library = Assert.Throws<OptionOutOfRangeException>(libraryCall);
        string property = key[(key.LastIndexOf('.') + 1)..];
        Assert.Equal(property, library.ParamName, StringComparer.OrdinalIgnoreCase);
        Assert.StartsWith($"{library.ParamName}: {library.Expected}, found ", library.Message);
        Assert.DoesNotContain('\n', library.Message);
        string libraryWords = library.Expected;

        bool images = key is "model.dropout" || key.Contains("image");
        var overlay = new JsonObject();
        ConfigOverlay.Set(overlay, images ? "dataset.name=senticap" : "dataset.name=iemocap");
        ConfigOverlay.Set(overlay, images ? "model.name=ote" : key is "model.learningRate" ? "model.name=attention" : "model.name=aat");
        ConfigOverlay.Set(overlay, Assignments[key]);
        var config = Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(overlay));

        Assert.Equal(key, config.KeyPath);
        Assert.Contains(libraryWords, config.Message);
    }
}
