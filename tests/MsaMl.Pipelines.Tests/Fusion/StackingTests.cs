using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Fusion;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Tests.Fusion;

public sealed class StackingTests
{
    private static readonly string[] Classes = { "a", "b", "c" };

    public sealed class LabelOnly { public string Label { get; set; } = ""; }

    public sealed class Row
    {
        public string Label { get; set; } = "";
        [VectorType(3)] public float[] ScoreGood { get; set; } = Array.Empty<float>();
        [VectorType(3)] public float[] ScoreShifted { get; set; } = Array.Empty<float>();
    }

    /// <summary>
    /// One member is right 70 % of the time; the other is always confidently wrong in a fixed way
    /// (it names the next class). Averaging suffers from the second; a learned stacker reads it.
    /// </summary>
    private static IDataView Data(MLContext ml, int rows, int seed)
    {
        var random = new Random(seed);
        float[] OneHot(int k, float confidence) => Enumerable.Range(0, 3).Select(i => i == k ? confidence : (1 - confidence) / 2).ToArray();
        var data = Enumerable.Range(0, rows).Select(_ =>
        {
            int truth = random.Next(3);
            int good = random.NextDouble() < 0.7 ? truth : random.Next(3);
            return new Row { Label = Classes[truth], ScoreGood = OneHot(good, 0.6f), ScoreShifted = OneHot((truth + 1) % 3, 0.8f) };
        }).ToArray();
        var rowsView = ml.Data.LoadFromEnumerable(data);
        var keys = ml.Data.LoadFromEnumerable(Classes.Select(c => new LabelOnly { Label = c }));
        var view = ml.Transforms.Conversion.MapValueToKey("Label", keyData: keys).Fit(rowsView).Transform(rowsView);
        var builder = new DataViewSchema.Builder();
        foreach (var column in view.Schema)
            builder.AddColumn(column.Name, column.Type, column.Name.StartsWith("Score")
                ? ClassificationColumns.Create(column.Name, "unused", Classes)[0].Annotations
                : column.Annotations);
        return new SchemaOverride(view, builder.ToSchema());
    }

    [Fact]
    public void LearnedStackingBeatsAveragingWhenAMemberIsSystematicallyWrong()
    {
        var ml = new MLContext(seed: 1);
        var options = new LateFusionOptions
        {
            Members =
            {
                new LateFusionMember { Name = "good", ScoreColumnName = "ScoreGood" },
                new LateFusionMember { Name = "shifted", ScoreColumnName = "ScoreShifted" },
            },
        };
        var validation = Data(ml, 300, seed: 1);
        var test = Data(ml, 300, seed: 2);

        double averaged = ml.MulticlassClassification.Evaluate(MsaPipelines.LateFusion(options).Fit(validation).Transform(test)).MicroAccuracy;
        double stacked = ml.MulticlassClassification.Evaluate(MsaPipelines.Stacking(ml, options).Fit(validation).Transform(test)).MicroAccuracy;
        Assert.True(stacked > 0.95, $"stacked {stacked:P1}");
        Assert.True(stacked > averaged + 0.2, $"stacked {stacked:P1}, averaged {averaged:P1}");
    }
}
