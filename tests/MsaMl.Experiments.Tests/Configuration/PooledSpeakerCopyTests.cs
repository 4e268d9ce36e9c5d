using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Experiments.Configuration;

namespace MsaMl.Experiments.Tests.Configuration;

/// <summary>
/// The pooled model's per-speaker copy: where each speaker's offset hides the class, the copy
/// standardized per speaker reveals it, for new speakers too (learned from their own unlabeled
/// rows); a row scored alone without a speaker column still scores.
/// </summary>
public sealed class PooledSpeakerCopyTests
{
    public class Row
    {
        public string Label { get; set; } = "";
        public string Speaker { get; set; } = "";

        [VectorType(2)]
        public float[] Features { get; set; } = new float[2];
    }

    public sealed class Input
    {
        [VectorType(2)]
        public float[] Features { get; set; } = new float[2];
    }

    public sealed class Output
    {
        public string PredictedLabel { get; set; } = "";
    }

    /// <summary>Each speaker speaks both classes; the class moves the first value by 1, the speaker by <paramref name="offset"/>.</summary>
    private static IEnumerable<Row> Speaker(string name, float offset, int seed)
    {
        var random = new Random(seed);
        for (int i = 0; i < 40; i++)
        {
            bool high = i % 2 == 0;
            yield return new Row
            {
                Label = high ? "high" : "low", Speaker = name,
                Features = [offset + (high ? 1f : 0f) + 0.15f * (float)(random.NextDouble() - 0.5), (float)random.NextDouble()],
            };
        }
    }

    private static double Accuracy(bool copy, out ITransformer model, out MLContext ml)
    {
        ml = new MLContext(1);
        var train = ml.Data.LoadFromEnumerable(Speaker("a", -10, 1).Concat(Speaker("b", 10, 2)).Concat(Speaker("c", 3, 3)));
        var test = ml.Data.LoadFromEnumerable(Speaker("new1", 30, 4).Concat(Speaker("new2", -25, 5)));
        var options = new PooledModelOptions { PerSpeakerCopy = copy, L2Regularization = 0.1f };
        var labels = ml.Transforms.Conversion.MapValueToKey("Label").Fit(train);
        model = options.Estimator(ml, ["Features"]).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(labels.Transform(train));
        var scored = model.Transform(test);
        var truth = test.GetColumn<string>("Label").ToArray();
        var predicted = scored.GetColumn<string>("PredictedLabel").ToArray();
        return truth.Zip(predicted).Count(p => p.First == p.Second) / (double)truth.Length;
    }

    [Fact]
    public void TheCopyStandardizedPerSpeakerFindsTheClassThatSpeakerOffsetsHide()
    {
        double without = Accuracy(copy: false, out _, out _);
        double with = Accuracy(copy: true, out var model, out var ml);
        Assert.True(with >= 0.95, $"with the per-speaker copy: {with:P1}");
        Assert.True(without <= 0.75, $"without it: {without:P1}");

        var engine = ml.Model.CreatePredictionEngine<Input, Output>(model);
        Assert.Contains(engine.Predict(new Input { Features = [30f, 0.5f] }).PredictedLabel, new[] { "high", "low" });
    }
}
