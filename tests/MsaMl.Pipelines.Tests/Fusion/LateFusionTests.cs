using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Fusion;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Tests.Fusion;

public sealed class LateFusionTests
{
    private static readonly string[] Classes = { "neg", "neu", "pos" };

    public sealed class MemberScores
    {
        public string AudioPath { get; set; } = "";
        public string Text { get; set; } = "";
        [VectorType(3)] public float[] ScoreAudio { get; set; } = Array.Empty<float>();
        [VectorType(3)] public float[] ScoreText { get; set; } = Array.Empty<float>();
        [VectorType(3)] public float[] ScoreImage { get; set; } = Array.Empty<float>();
    }

    public sealed class Fused
    {
        public float[] Score { get; set; } = Array.Empty<float>();
        public uint PredictedLabel { get; set; }
        public string FusedModalities { get; set; } = "";
    }

    /// <summary>Member scores with the class names as slot names, as MsaMl's trainers write them.</summary>
    private static IDataView Data(MLContext ml, params MemberScores[] rows)
    {
        var data = ml.Data.LoadFromEnumerable(rows);
        var builder = new DataViewSchema.Builder();
        foreach (var column in data.Schema)
        {
            if (!column.Name.StartsWith("Score")) { builder.AddColumn(column.Name, column.Type); continue; }
            builder.AddColumn(column.Name, column.Type, ClassificationColumns.Create(column.Name, "unused", Classes)[0].Annotations);
        }
        return new SchemaOverride(data, builder.ToSchema());
    }

    private static List<Fused> Fuse(LateFusionMode mode, float[]? weights, params MemberScores[] rows)
    {
        var ml = new MLContext(seed: 1);
        var options = new LateFusionOptions
        {
            Mode = mode,
            Weights = weights,
            Members =
            {
                new LateFusionMember { Name = "audio", ScoreColumnName = "ScoreAudio", PresenceColumnName = "AudioPath" },
                new LateFusionMember { Name = "text", ScoreColumnName = "ScoreText", PresenceColumnName = "Text" },
                new LateFusionMember { Name = "image", ScoreColumnName = "ScoreImage" },
            },
        };
        var data = Data(ml, rows);
        var fused = MsaMl.Pipelines.MsaPipelines.LateFusion(options).Fit(data).Transform(data);
        return ml.Data.CreateEnumerable<Fused>(fused, reuseRowObject: false).ToList();
    }

    private static MemberScores Row(string audio, string text, float[] a, float[] t, float[] i) =>
        new() { AudioPath = audio, Text = text, ScoreAudio = a, ScoreText = t, ScoreImage = i };

    [Fact]
    public void AverageAndWeightedAverageCombineProbabilities()
    {
        var row = Row("a.wav", "hi", new[] { 0.6f, 0.3f, 0.1f }, new[] { 0.1f, 0.2f, 0.7f }, new[] { 0.2f, 0.2f, 0.6f });
        var average = Fuse(LateFusionMode.Average, null, row)[0];
        Assert.Equal(new[] { 0.3f, 0.7f / 3, 1.4f / 3 }, average.Score, new FloatTolerance(1e-6f));
        Assert.Equal(3u, average.PredictedLabel);
        Assert.Equal("audio+text+image", average.FusedModalities);

        var weighted = Fuse(LateFusionMode.WeightedAverage, new[] { 8f, 1f, 1f }, row)[0];
        Assert.Equal((8 * 0.6f + 0.1f + 0.2f) / 10, weighted.Score[0], 5);
        Assert.Equal(1u, weighted.PredictedLabel);
    }

    [Fact]
    public void MajorityVoteCountsTopClassesAndBreaksTiesByProbability()
    {
        // Audio and image vote neg, text votes pos (with more confidence than either): the vote says neg.
        var row = Row("a.wav", "hi", new[] { 0.5f, 0.1f, 0.4f }, new[] { 0.0f, 0.0f, 1.0f }, new[] { 0.5f, 0.2f, 0.3f });
        Assert.Equal(1u, Fuse(LateFusionMode.MajorityVote, null, row)[0].PredictedLabel);
        Assert.Equal(3u, Fuse(LateFusionMode.Average, null, row)[0].PredictedLabel);

        // One vote each for neg and pos (image missing is not possible here, so weight it out): mean probability decides.
        var tie = Fuse(LateFusionMode.MajorityVote, new[] { 1f, 1f, 0f }, row)[0];
        Assert.Equal(3u, tie.PredictedLabel);
        Assert.Equal(1f, tie.Score.Sum(), 5);
    }

    [Fact]
    public void MissingModalitiesAreLeftOutAndReported()
    {
        var rows = new[]
        {
            Row("", "great", new[] { 0.9f, 0.05f, 0.05f }, new[] { 0.1f, 0.1f, 0.8f }, new[] { 0.2f, 0.2f, 0.6f }),
            Row("a.wav", "  ", new[] { 0.9f, 0.05f, 0.05f }, new[] { 0.1f, 0.1f, 0.8f }, new[] { 0.4f, 0.3f, 0.3f }),
        };
        var fused = Fuse(LateFusionMode.Average, null, rows);
        Assert.Equal("text+image", fused[0].FusedModalities);
        Assert.Equal(new[] { 0.15f, 0.15f, 0.7f }, fused[0].Score, new FloatTolerance(1e-6f));
        Assert.Equal("audio+image", fused[1].FusedModalities);
        Assert.Equal(1u, fused[1].PredictedLabel);
    }

    public sealed class Stacked
    {
        public float[] StackedScores { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void StackingLaysScoresSideBySideWithUniformForMissingMembers()
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml, Row("", "great", new[] { 0.9f, 0.05f, 0.05f }, new[] { 0.1f, 0.1f, 0.8f }, new[] { 0.2f, 0.2f, 0.6f }));
        var options = new LateFusionOptions
        {
            Mode = LateFusionMode.Stacking,
            Members =
            {
                new LateFusionMember { Name = "audio", ScoreColumnName = "ScoreAudio", PresenceColumnName = "AudioPath" },
                new LateFusionMember { Name = "text", ScoreColumnName = "ScoreText", PresenceColumnName = "Text" },
            },
        };
        var stacked = ml.Data.CreateEnumerable<Stacked>(new LateFusionTransformer(options).Transform(data), false).Single();
        Assert.Equal(new[] { 1f / 3, 1f / 3, 1f / 3, 0.1f, 0.1f, 0.8f }, stacked.StackedScores, new FloatTolerance(1e-6f));
    }

    [Fact]
    public void MembersWithDifferentClassesAreRejectedNamingTheMember()
    {
        var ml = new MLContext(seed: 1);
        var data = Data(ml, Row("a", "b", new[] { 1f, 0, 0 }, new[] { 1f, 0, 0 }, new[] { 1f, 0, 0 }));
        var options = new LateFusionOptions
        {
            Members =
            {
                new LateFusionMember { Name = "audio", ScoreColumnName = "ScoreAudio" },
                new LateFusionMember { Name = "text", ScoreColumnName = "Text" },
            },
        };
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LateFusionTransformer(options).GetOutputSchema(data.Schema));
        Assert.Contains("'text'", error.Message);
        Assert.Contains("'Text'", error.Message);
    }

    private sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
    {
        public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(float obj) => 0;
    }
}
