using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Tests.Evaluation;

/// <summary>
/// Builds a scored IDataView like a MsaMl trainer's output: key Label, Score vector whose slot
/// names are the classes, key PredictedLabel. Labels become keys with MapValueToKey over the class
/// list, so the key order is the class order even when a class has no rows.
/// </summary>
internal static class ScoredData
{
    public sealed class Row
    {
        public string LabelText { get; set; } = "";
        public float[] Score { get; set; } = Array.Empty<float>();
        public string PredictedText { get; set; } = "";
    }

    private sealed class ClassName
    {
        public string Value { get; set; } = "";
    }

    /// <summary>One row per (actual, predicted) pair: 0-based class indices; the predicted class gets 0.7 and the others share the rest.</summary>
    public static IDataView FromPairs(MLContext ml, string[] classes, IEnumerable<(int Actual, int Predicted)> pairs) =>
        FromScores(ml, classes, pairs.Select(p => (p.Actual, Enumerable.Range(0, classes.Length)
            .Select(c => c == p.Predicted ? 0.7f : 0.3f / (classes.Length - 1)).ToArray())));

    /// <summary>One row per (actual class index, class probabilities); the predicted class is the argmax.</summary>
    public static IDataView FromScores(MLContext ml, string[] classes, IEnumerable<(int Actual, float[] Scores)> rows)
    {
        int n = classes.Length;
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Score)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, n);
        schema[nameof(Row.Score)].AddAnnotation("SlotNames",
            new VBuffer<ReadOnlyMemory<char>>(n, classes.Select(c => c.AsMemory()).ToArray()),
            new VectorDataViewType(TextDataViewType.Instance, n));

        var data = ml.Data.LoadFromEnumerable(rows.Select(r => new Row
        {
            LabelText = classes[r.Actual],
            Score = r.Scores,
            PredictedText = classes[Array.IndexOf(r.Scores, r.Scores.Max())],
        }).ToArray(), schema);
        var classList = ml.Data.LoadFromEnumerable(classes.Select(c => new ClassName { Value = c }));
        return ml.Transforms.Conversion.MapValueToKey("Label", nameof(Row.LabelText), keyData: classList)
            .Append(ml.Transforms.Conversion.MapValueToKey("PredictedLabel", nameof(Row.PredictedText), keyData: classList))
            .Fit(data)
            .Transform(data);
    }

    /// <summary>The pairs of a confusion matrix: counts[actual][predicted] rows each.</summary>
    public static IEnumerable<(int Actual, int Predicted)> PairsOf(int[][] counts) =>
        from actual in Enumerable.Range(0, counts.Length)
        from predicted in Enumerable.Range(0, counts[actual].Length)
        from _ in Enumerable.Range(0, counts[actual][predicted])
        select (actual, predicted);
}
