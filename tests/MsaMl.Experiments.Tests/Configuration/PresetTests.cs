using MsaMl.Experiments;
using System.Text.Json.Nodes;
using MsaMl.Experiments.Configuration;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Audio;

namespace MsaMl.Experiments.Tests.Configuration;

public sealed class PresetTests
{
    private static ExperimentConfig Resolve(string preset, string dataset, string? model = null)
    {
        var overlay = new JsonObject { ["preset"] = preset, ["dataset"] = new JsonObject { ["name"] = dataset } };
        if (model is not null) overlay["model"] = new JsonObject { ["name"] = model };
        return ExperimentConfigResolver.Resolve(overlay);
    }

    [Fact]
    public void PaperAatIsTable3WithTheSmallCnnAndTheOriginalSpectrogram()
    {
        var c = Resolve("paper", "iemocap");
        var aat = Assert.IsType<AatOptions>(c.Model.Options);
        Assert.Equal("aat", c.Model.Name);
        Assert.Equal((12, 0.01, 64, 0.4, 256, 0.3, 256), (aat.Epochs, aat.LearningRate, aat.BatchSize, aat.Dropout, aat.AudioChannels, aat.Lambda, aat.TextOutDim));
        Assert.Equal(AatAudioEncoder.SmallCnn, aat.AudioEncoder);
        Assert.Equal(AatPooling.Attention, aat.Pooling);
        // The paper names no optimizer; Adam at Table 3's 0.01 diverges, SGD with momentum trains.
        Assert.Equal((OptimizerKind.Sgd, 0.9), (aat.Optimizer, aat.Momentum));
        var s = c.Featurizers.Spectrogram!;
        Assert.Equal((20.0, 10.0, 320, 0, 1e-10, true, 750, 16000), (s.WindowMs, s.HopMs, s.FftSize, s.MelBands, s.Floor, s.Deltas, s.TimeFrames, s.SampleRate));
        Assert.Equal(60, c.Featurizers.Text!.MaxTokens);
        Assert.Null(c.Featurizers.Image);
    }

    [Fact]
    public void PaperOteIsTable4()
    {
        var c = Resolve("paper", "senticap");
        var ote = Assert.IsType<OteOptions>(c.Model.Options);
        Assert.Equal("ote", c.Model.Name);
        Assert.Equal(OteImageEncoder.SmallCnn, ote.ImageEncoder);
        Assert.Equal((64, 64, 20, 4, 2048, 0.4, 20, 0.001, 64), (ote.ImageOutDim, ote.TextOutDim, ote.Hidden, ote.Heads, ote.FeedForwardDim, ote.Dropout, ote.Epochs, ote.LearningRate, ote.BatchSize));
        Assert.Equal(60, c.Featurizers.Text!.MaxTokens);
        Assert.Equal((64, 64), (c.Featurizers.Image!.Width, c.Featurizers.Image.Height));
        Assert.Null(c.Featurizers.Spectrogram);
    }

    [Fact]
    public void PaperAlexNetIsSection31WithTable3()
    {
        var c = Resolve("paper-alexnet", "iemocap");
        var aat = Assert.IsType<AatOptions>(c.Model.Options);
        Assert.Equal(AatAudioEncoder.AlexNetFcn, aat.AudioEncoder);
        Assert.Equal(MsaMl.Trainers.Modules.LrnMode.Full, aat.LrnMode);
        Assert.Equal(AatPooling.Attention, aat.Pooling);
        Assert.Equal((12, 0.01, 64, 0.4, 256, 0.3, 256), (aat.Epochs, aat.LearningRate, aat.BatchSize, aat.Dropout, aat.AudioChannels, aat.Lambda, aat.TextOutDim));
        Assert.Equal((OptimizerKind.Sgd, 0.9), (aat.Optimizer, aat.Momentum));
        Assert.Equal(320, c.Featurizers.Spectrogram!.FftSize);
    }

    [Fact]
    public void FastIsTheDemoSizes()
    {
        var c = Resolve("fast", "iemocap");
        var aat = Assert.IsType<AatOptions>(c.Model.Options);
        Assert.Equal((48, 64, 30, 0.001, 32, 10), (aat.AudioChannels, aat.TextOutDim, aat.Epochs, aat.LearningRate, aat.BatchSize, aat.EarlyStoppingPatience));
        Assert.Equal((40, 200, SpectrogramStandardization.Dataset), (c.Featurizers.Spectrogram!.MelBands, c.Featurizers.Spectrogram.TimeFrames, c.Featurizers.Spectrogram.Standardization));
        Assert.Equal(16, c.Featurizers.Text!.MaxTokens);
        Assert.Equal(EarlyStoppingMetric.UnweightedAccuracy, aat.EarlyStoppingMetric);
        Assert.Equal((true, 1e-4), (aat.BalanceClasses, aat.WeightDecay));   // the speech recipe (EmoDB)
        var head = Assert.IsType<MsaMl.Trainers.Fusion.FusionHeadOptions>(Resolve("fast", "iemocap", "tfn").Model.Options);
        Assert.Equal((32, 4, 64, 0.3), (head.Width, head.Heads, head.Hidden, head.Dropout));
        Assert.Null(Resolve("fast", "iemocap", "early").Model.Options);
        Assert.NotNull(Resolve("fast", "iemocap", "early").Model.Pooled);
    }

    [Fact]
    public void FastAudioIsThePooledSpeechRecipeAndPaperAudioStaysTheAatBranch()
    {
        var fast = Resolve("fast", "emodb", "audio");
        Assert.Null(fast.Model.Options);
        Assert.Equal(PooledTrainer.LbfgsMaximumEntropy, fast.Model.Pooled!.Trainer);
        Assert.NotNull(fast.Featurizers.Functionals);
        Assert.IsType<AatOptions>(Resolve("fast", "emodb", "aat").Model.Options);   // the paper's model stays TorchSharp

        var paper = Resolve("paper", "iemocap", "audio");
        Assert.IsType<AatOptions>(paper.Model.Options);
        Assert.Null(paper.Model.Pooled);
        Assert.Null(paper.Featurizers.Functionals);
    }

    [Fact]
    public void SettingPooledToNullGivesThePresetsTorchSharpAudioModel()
    {
        var overlay = new JsonObject { ["dataset"] = new JsonObject { ["name"] = "emodb" }, ["model"] = new JsonObject { ["name"] = "audio", ["pooled"] = null } };

        var c = ExperimentConfigResolver.Resolve(overlay);

        var aat = Assert.IsType<AatOptions>(c.Model.Options);
        Assert.Null(c.Model.Pooled);
        Assert.Equal((48, AatAudioEncoder.SmallCnn), (aat.AudioChannels, aat.AudioEncoder));
    }

    [Theory]
    [InlineData("aat", "{}", "model.pooled")]
    [InlineData("audio", "{\"l2Regularization\": -1}", "model.pooled.l2Regularization")]
    [InlineData("audio", "{\"trainer\": \"Svm\"}", "model.pooled")]
    [InlineData("audio", "{\"momentum\": 1}", "model.pooled.momentum")]
    public void APooledSectionThatCannotBeIsNamed(string model, string pooled, string key)
    {
        var overlay = new JsonObject { ["dataset"] = new JsonObject { ["name"] = "emodb" }, ["model"] = new JsonObject { ["name"] = model, ["pooled"] = JsonNode.Parse(pooled) } };

        var error = Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(overlay));

        Assert.StartsWith(key, error.KeyPath);
    }

    [Theory]
    [InlineData("iemocap")]
    [InlineData("demo-speech")]
    public void LeaveOneSpeakerOutIsForTheActedCorporaOnly(string dataset)
    {
        var overlay = new JsonObject { ["dataset"] = new JsonObject { ["name"] = dataset }, ["evaluation"] = new JsonObject { ["protocol"] = "LeaveOneSpeakerOut" } };

        var error = Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(overlay));

        Assert.Equal("evaluation.protocol", error.KeyPath);
        overlay["dataset"]!["name"] = "emodb";
        Assert.Equal(EvaluationProtocol.LeaveOneSpeakerOut, ExperimentConfigResolver.Resolve(overlay).Evaluation.Protocol);
    }

    [Fact]
    public void APooledConfigurationReadsBackAsWritten()
    {
        var c = Resolve("fast", "emodb", "audio");
        c.Model.Pooled!.L2Regularization = 0.25f;

        var again = ExperimentConfigJson.FromJson(ExperimentConfigJson.ToJson(c));

        Assert.Equal(ExperimentConfigJson.Write(c), ExperimentConfigJson.Write(again));
        Assert.Equal(0.25f, again.Model.Pooled!.L2Regularization);
    }

    [Fact]
    public void FunctionalsOptionsAreCheckedByTheirOwnRules()
    {
        var overlay = new JsonObject
        {
            ["dataset"] = new JsonObject { ["name"] = "emodb" },
            ["featurizers"] = new JsonObject { ["functionals"] = new JsonObject { ["maxPitchHz"] = 40 } },
        };

        var error = Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(overlay));

        Assert.Equal("featurizers.functionals.minPitchHz", error.KeyPath);
        Assert.Contains("MaxPitchHz", error.Message);
    }

    [Fact]
    public void EveryPresetFileCommentsItsSources()
    {
        foreach (var preset in ExperimentPresets.Names.Where(p => p != ExperimentPresets.PaperAlexNet))
        {
            string text = ExperimentPresets.Text(preset);
            Assert.Contains("//", text);
        }
        Assert.Contains("Table 3", ExperimentPresets.Text("paper"));
        Assert.Contains("Table 4", ExperimentPresets.Text("paper"));
        Assert.Contains("Section 3.1", ExperimentPresets.Text("paper-alexnet"));
    }
}
