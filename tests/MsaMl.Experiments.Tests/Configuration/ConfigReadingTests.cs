using MsaMl.Experiments;
using System.Text.Json.Nodes;
using MsaMl.Experiments.Configuration;
using MsaMl.Trainers.Aat;

namespace MsaMl.Experiments.Tests.Configuration;

public sealed class ConfigReadingTests
{
    private static JsonObject Overlay(params string[] assignments)
    {
        var overlay = new JsonObject();
        ConfigOverlay.Set(overlay, "dataset.name=iemocap");
        foreach (var a in assignments) ConfigOverlay.Set(overlay, a);
        return overlay;
    }

    private static ExperimentConfigException Refused(params string[] assignments) =>
        Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(Overlay(assignments)));

    [Fact]
    public void TheCompleteConfigurationRoundTrips()
    {
        var config = ExperimentConfigResolver.Resolve(Overlay("preset=paper", "model.audioEncoder=AlexNetFcn", "dataset.iemocap.labelSet=FourClass", "evaluation.seeds=[3,4]"));
        string text = ExperimentConfigJson.Write(config);
        var again = ExperimentConfigResolver.Resolve(JsonNode.Parse(text)!.AsObject());
        Assert.Equal(text, ExperimentConfigJson.Write(again));
        Assert.Equal(AatAudioEncoder.AlexNetFcn, ((AatOptions)again.Model.Options!).AudioEncoder);
        Assert.Equal(new[] { 3, 4 }, again.Evaluation.Seeds);
        Assert.Equal(MsaMl.Datasets.Speech.IemocapLabelSet.FourClass, again.Dataset.Iemocap!.LabelSet);
    }

    [Fact]
    public void SetReadsJsonValuesAndMatchesKeysCaseInsensitively()
    {
        var config = ExperimentConfigResolver.Resolve(Overlay("Model.Epochs=7", "featurizers.spectrogram.hopMs=12.5", "model.balanceClasses=true"));
        var aat = (AatOptions)config.Model.Options!;
        Assert.Equal(7, aat.Epochs);
        Assert.True(aat.BalanceClasses);
        Assert.Equal(12.5, config.Featurizers.Spectrogram!.HopMs);
    }

    [Fact]
    public void AnUnknownKeyIsNamedWithTheKeysAllowed()
    {
        var error = Refused("model.epochz=3");
        Assert.Equal("model.epochz", error.KeyPath);
        Assert.Contains("epochs", error.Message);
        Assert.Equal("featurizers.spectrogram.fftsise", Refused("featurizers.spectrogram.fftsise=320").KeyPath);
        Assert.Equal("dataset.iemocap.rootFolder", Refused("dataset.iemocap.rootFolder=/x").KeyPath);
    }

    [Fact]
    public void AWrongTypeNamesTheKeyTheValueAndTheType()
    {
        var error = Refused("model.epochs=ten");
        Assert.Equal("model.epochs", error.KeyPath);
        Assert.Contains("\"ten\"", error.Message);
        Assert.Contains("whole number", error.Message);
        var enumError = Refused("model.audioEncoder=ResNet");
        Assert.Contains("AlexNetFcn, SmallCnn, Linear", enumError.Message);
        Assert.Equal("model.epochs", Refused("model.epochs=2.5").KeyPath);
    }

    [Fact]
    public void AnImpossibleValueNamesTheKeyAndWhatIsAllowed()
    {
        var error = Refused("model.dropout=1.5");
        Assert.Equal("model.dropout", error.KeyPath);
        Assert.Contains("1.5", error.Message);
        Assert.Equal("featurizers.spectrogram.fftSize", Refused("featurizers.spectrogram.fftSize=100").KeyPath);
        Assert.Equal("dataset.iemocap.validationSession", Refused("dataset.iemocap.validationSession=5").KeyPath);
        Assert.Equal("dataset.iemocap.splitProtocol", Refused("evaluation.protocol=LeaveOneSessionOut").KeyPath);
        Assert.Contains("Model 'ote'", Assert.ThrowsAny<ArgumentException>(() => ExperimentConfigResolver.Resolve(Overlay("model.name=ote"))).Message);
        Assert.Equal("preset", Refused("preset=huge").KeyPath);
    }

    [Fact]
    public void SpeedCopiesAreTheAudioModelsPresetAndAKeyOfTheWholeModelOnly()
    {
        var audio = ExperimentConfigResolver.Resolve(Overlay("dataset.name=emodb", "model.name=audio"));
        Assert.Equal([0.9, 1.1], audio.Model.SpeedCopies);
        Assert.True(audio.Model.Pooled!.PerSpeakerCopy);
        var again = ExperimentConfigResolver.Resolve(JsonNode.Parse(ExperimentConfigJson.Write(audio))!.AsObject());
        Assert.Equal(audio.Model.SpeedCopies, again.Model.SpeedCopies);
        Assert.True(audio.Model.Pooled.BalanceClasses);
        Assert.True(again.Model.Pooled!.BalanceClasses);
        var second = again.Model.Pooled.AveragedWith!;
        Assert.False(second.TrainOnSpeedCopies);
        Assert.False(second.CenterFeatures);
        Assert.True(second.PerSpeakerCopy && second.BalanceClasses);
        Assert.True(again.Model.Pooled.TrainOnSpeedCopies);
        Assert.Null(ExperimentConfigResolver.Resolve(Overlay("dataset.name=emodb", "model.name=audio", "model.pooled.averagedWith=null")).Model.Pooled!.AveragedWith);
        Assert.Equal("model.pooled.averagedWith", Refused("dataset.name=emodb", "model.name=audio", "model.pooled.averagedWith.l1Regularization=-1").KeyPath);
        var regression = Refused("dataset.name=demo-speech", "dataset.task=Regression", "model={\"name\":\"early\",\"pooled\":{\"averagedWith\":{}}}");
        Assert.Equal("model.pooled.averagedWith", regression.KeyPath);
        Assert.Contains("classification", regression.Message);
        Assert.False(ExperimentConfigResolver.Resolve(Overlay("dataset.name=emodb", "model.name=audio", "model.pooled.balanceClasses=false")).Model.Pooled!.BalanceClasses);

        Assert.Empty(ExperimentConfigResolver.Resolve(Overlay("dataset.name=emodb", "model.name=aat")).Model.SpeedCopies);
        var late = ExperimentConfigResolver.Resolve(Overlay("dataset.name=emodb", "model.name=late"));
        Assert.All(late.Model.Members!, m => Assert.Empty(m.SpeedCopies));

        var one = Refused("dataset.name=emodb", "model.name=audio", "model.speedCopies=[1]");
        Assert.Equal("model.speedCopies", one.KeyPath);
        Assert.Contains("0.5 to 2", one.Message);
        var lateJson = JsonNode.Parse(ExperimentConfigJson.Write(late))!.AsObject();
        lateJson["model"]!["members"]![0]!["speedCopies"] = new JsonArray(0.9);
        Assert.Equal("model.members[0].speedCopies", Assert.Throws<ExperimentConfigException>(() => ExperimentConfigResolver.Resolve(lateJson)).KeyPath);
    }
}
