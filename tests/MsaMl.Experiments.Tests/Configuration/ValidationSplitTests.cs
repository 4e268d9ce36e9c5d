using System.Text.Json.Nodes;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;

namespace MsaMl.Experiments.Tests.Configuration;

public sealed class ValidationSplitTests
{
    private static ExperimentConfig Config(params string[] assignments)
    {
        var overlay = new JsonObject();
        ConfigOverlay.Set(overlay, "dataset.name=iemocap");
        ConfigOverlay.Set(overlay, "dataset.root", JsonValue.Create(FixturePaths.Of("iemocap", "IEMOCAP_full_release")));
        foreach (var a in assignments) ConfigOverlay.Set(overlay, a);
        return ExperimentConfigResolver.Resolve(overlay);
    }

    [Fact]
    public void IemocapGetsASpeakerDisjointValidationSplitByDefault()
    {
        var data = ConfiguredDataset.Load(new MLContext(seed: 1), Config("dataset.validation.validationFraction=0.3"));
        var records = data.Records.Cast<IemocapRecord>().ToList();
        var validation = records.Where(r => r.Split == SplitNames.Validation).Select(r => r.Speaker).ToHashSet();
        var train = records.Where(r => r.Split == SplitNames.Train).Select(r => r.Speaker).ToHashSet();
        Assert.NotEmpty(validation);
        Assert.NotEmpty(train);
        Assert.Empty(validation.Intersect(train));
        Assert.All(records.Where(r => r.Split == SplitNames.Test), r => Assert.Equal(5, r.Session));
        Assert.Contains("speaker-disjoint", data.ValidationNote);
    }

    [Fact]
    public void TheFourClassSetMergesExcitementIntoHappiness()
    {
        var data = ConfiguredDataset.Load(new MLContext(seed: 1), Config("dataset.iemocap.labelSet=FourClass"));
        Assert.DoesNotContain("exc", data.Labels);
        Assert.True(data.Labels.Count <= 4);
    }

    [Theory]
    [InlineData("Accuracy")]
    [InlineData("UnweightedAccuracy")]
    public void EarlyStoppingStopsOnTheValidationSplit(string metric)
    {
        var config = Config("model.name=text", "model.pooled=null", "model.epochs=60", "model.earlyStoppingPatience=1", "model.learningRate=0.05", "dataset.validation.validationFraction=0.3",
            $"model.earlyStoppingMetric={metric}");
        var ml = new MLContext(seed: 1);
        var data = ConfiguredDataset.Load(ml, config);
        var task = ConfiguredTask.Create(ml, "iemocap", data.Records, data.Labels, config);
        using var features = task.Featurize(ml);
        var result = new TaskRunner(ml, task, features, seed: 1).Train(config.Model, "text");
        Assert.NotNull(result.LearningCurve);
        Assert.True(result.LearningCurve!.Count < 60, $"trained all {result.LearningCurve.Count} epochs");
        Assert.All(result.LearningCurve, e => Assert.NotNull(e.ValidationAccuracy));
    }
}
