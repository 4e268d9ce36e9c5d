using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Tests.Fusion;

public sealed class EarlyFusionTests
{
    public sealed class Row
    {
        public string Label { get; set; } = "";
        [VectorType(2)] public float[] Audio { get; set; } = Array.Empty<float>();
        [VectorType(2)] public float[] Words { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void ConcatenatedFeaturesBeatEachModalityWhenTheLabelNeedsBoth()
    {
        // The label is positive when audio and text agree (XOR-like split over the two inputs):
        // a linear model needs both inputs' signs to decide, so each alone stays near chance.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 400).Select(_ =>
        {
            float a = random.NextSingle() * 2 - 1, t = random.NextSingle() * 2 - 1;
            return new Row { Label = a + t > 0 ? "pos" : "neg", Audio = new[] { a, random.NextSingle() }, Words = new[] { t, random.NextSingle() } };
        }).ToArray();
        var ml = new MLContext(seed: 1);
        var data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
        var split = ml.Data.TrainTestSplit(data, 0.25, seed: 1);

        double Accuracy(params string[] columns) =>
            ml.MulticlassClassification.Evaluate(MsaPipelines.EarlyFusion(ml, columns).Fit(split.TrainSet).Transform(split.TestSet)).MicroAccuracy;

        double both = Accuracy("Audio", "Words"), audio = Accuracy("Audio"), words = Accuracy("Words");
        Assert.True(both > 0.9, $"both {both:P1}");
        Assert.True(both > audio + 0.1 && both > words + 0.1, $"both {both:P1}, audio {audio:P1}, words {words:P1}");
    }
}
