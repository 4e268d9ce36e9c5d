using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Fusion;

namespace MsaMl.Pipelines.Tests.Fusion;

/// <summary>Early and late fusion of sentiment-intensity (regression) models.</summary>
public sealed class RegressionFusionTests
{
    private sealed class Scored
    {
        public float Label { get; set; }
        public float ScoreAudio { get; set; }
        public float ScoreText { get; set; }
        public string AudioPath { get; set; } = "";
        public string Text { get; set; } = "";
    }

    private sealed class Pooled
    {
        public float Label { get; set; }

        [VectorType(4)]
        public float[] Audio { get; set; } = Array.Empty<float>();

        [VectorType(3)]
        public float[] Words { get; set; } = Array.Empty<float>();
    }

    private static LateFusionOptions Options(LateFusionMode mode = LateFusionMode.Average, float[]? weights = null) => new()
    {
        Mode = mode,
        Weights = weights,
        Members =
        {
            new LateFusionMember { Name = "audio", ScoreColumnName = "ScoreAudio", PresenceColumnName = "AudioPath" },
            new LateFusionMember { Name = "text", ScoreColumnName = "ScoreText", PresenceColumnName = "Text" },
        },
    };

    private static readonly Scored[] Rows =
    [
        new() { Label = 1, ScoreAudio = 2f, ScoreText = 1f, AudioPath = "a.wav", Text = "good" },
        new() { Label = -2, ScoreAudio = -1f, ScoreText = -3f, AudioPath = "", Text = "bad" },
        new() { Label = 0, ScoreAudio = 0.5f, ScoreText = 9f, AudioPath = "c.wav", Text = " " },
        new() { Label = 0, ScoreAudio = 4f, ScoreText = 4f, AudioPath = "", Text = "" },
    ];

    [Fact]
    public void LateFusionAveragesThePresentMembersScores()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);
        var fused = MsaPipelines.LateFusion(Options()).Fit(data).Transform(data);

        Assert.Equal(NumberDataViewType.Single, fused.Schema["Score"].Type);
        Assert.Equal([1.5f, -3f, 0.5f, 0f], fused.GetColumn<float>("Score"));
        Assert.Equal(["audio+text", "text", "audio", "none"], fused.GetColumn<string>("FusedModalities"));
        Assert.True(ml.Regression.Evaluate(fused, "Label", "Score").MeanAbsoluteError > 0);
    }

    [Fact]
    public void WeightedLateFusionWeighsTheMembers()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows.Take(1));
        var fused = MsaPipelines.LateFusion(Options(LateFusionMode.WeightedAverage, [3f, 1f])).Fit(data).Transform(data);

        Assert.Equal(1.75f, Assert.Single(fused.GetColumn<float>("Score")), 5);
    }

    [Theory]
    [InlineData(LateFusionMode.MajorityVote)]
    [InlineData(LateFusionMode.Stacking)]
    public void VotingAndStackingRefuseRegressionScores(LateFusionMode mode)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Rows);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LateFusionTransformer(Options(mode)).Transform(data));

        Assert.Contains("regression scores supports Average and WeightedAverage", error.Message);
    }

    [Fact]
    public void EarlyFusionRegressionLearnsAFunctionOfBothModalities()
    {
        var ml = new MLContext(seed: 1);
        var random = new Random(4);
        Pooled[] Make(int n) => Enumerable.Range(0, n).Select(_ =>
        {
            float[] audio = Enumerable.Range(0, 4).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray();
            float[] words = Enumerable.Range(0, 3).Select(_ => (float)random.NextDouble() * 2 - 1).ToArray();
            return new Pooled { Audio = audio, Words = words, Label = 1.5f * audio[0] - words[2] + 0.5f * words[0] };
        }).ToArray();
        var train = Make(200);
        var test = Make(60);

        var model = MsaPipelines.EarlyFusionRegression(ml, ["Audio", "Words"]).Fit(ml.Data.LoadFromEnumerable(train));
        var metrics = ml.Regression.Evaluate(model.Transform(ml.Data.LoadFromEnumerable(test)));

        double mean = train.Average(r => r.Label);
        double baseline = test.Average(r => Math.Abs(r.Label - mean));
        Assert.True(metrics.MeanAbsoluteError < 0.2 * baseline, $"MAE {metrics.MeanAbsoluteError:F3}, mean predictor {baseline:F3}");
    }
}
