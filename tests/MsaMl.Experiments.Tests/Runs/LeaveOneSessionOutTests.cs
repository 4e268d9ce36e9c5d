using MsaMl.Experiments;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments.Tests;

public sealed class LeaveOneSessionOutTests
{
    public sealed class Utterance
    {
        public string Id { get; set; } = "";
        public string Split { get; set; } = "";
        public float Value { get; set; }
    }

    private static readonly Utterance[] Utterances = Enumerable.Range(0, 12)
        .Select(i => new Utterance { Id = $"u{i}", Split = $"Session{i % 3 + 1}", Value = i })
        .ToArray();

    [Fact]
    public void RecordFoldsHoldOutEachSessionOnce()
    {
        var folds = LeaveOneSessionOut.CreateFolds(Utterances, u => u.Split);

        Assert.Equal(new[] { "Session1", "Session2", "Session3" }, folds.Select(f => f.TestKey));
        Assert.All(folds, fold =>
        {
            Assert.All(fold.Test, u => Assert.Equal(fold.TestKey, u.Split));
            Assert.All(fold.Train, u => Assert.NotEqual(fold.TestKey, u.Split));
            Assert.Equal(12, fold.Train.Count + fold.Test.Count);
        });
    }

    [Fact]
    public void DataViewFoldsFilterByTheSessionColumnAndKeepTheSchema()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Utterances);

        var folds = LeaveOneSessionOut.CreateFolds(ml, data);

        Assert.Equal(3, folds.Count);
        var first = folds[0];
        Assert.Equal(data.Schema.Select(c => c.Name), first.Test.Schema.Select(c => c.Name));
        Assert.Equal(new[] { "u0", "u3", "u6", "u9" }, first.Test.GetColumn<string>("Id"));
        Assert.Equal(8, first.Train.GetColumn<string>("Id").Count());
        Assert.DoesNotContain("Session1", first.Train.GetColumn<string>("Split"));
    }

    [Fact]
    public void RunAggregatesFoldMetrics()
    {
        var folds = LeaveOneSessionOut.CreateFolds(Utterances, u => u.Split);

        var result = LeaveOneSessionOut.Run(folds, fold => new NamedMetrics(new Dictionary<string, double>
        {
            ["WA"] = fold.Test.Average(u => u.Value), // 4.5, 5.5, 6.5
        }));

        Assert.Equal(new[] { "Session1", "Session2", "Session3" }, result.Folds.Select(f => f.TestKey));
        Assert.Equal(5.5, result.Summary["WA"].Mean, 12);
        Assert.Equal(1.0, result.Summary["WA"].StandardDeviation, 12);
    }

    [Fact]
    public void OneSessionIsNotEnough() =>
        Assert.Throws<ArgumentException>(() => LeaveOneSessionOut.CreateFolds(Utterances.Take(1), u => u.Split));
}
