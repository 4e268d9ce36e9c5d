using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// Multinomial logistic regression (ML.NET's L-BFGS maximum entropy, default settings) on given
/// per-row features, trained on the train split.
/// </summary>
internal static class DemoCorpusLinearProbe
{
    private sealed class Example
    {
        public string Label { get; set; } = "";
        public string Split { get; set; } = "";
        public float[] Features { get; set; } = [];
    }

    /// <summary>Accuracy on the test split and on validation + test together.</summary>
    public static (double Test, double HeldOut) Accuracy(MLContext ml, IReadOnlyList<DemoRecord> records, float[][] features)
    {
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, features[0].Length);
        var examples = records.Select((r, i) => new Example { Label = r.Label, Split = r.Split, Features = features[i] }).ToList();
        IDataView Rows(params string[] splits) => ml.Data.LoadFromEnumerable(examples.Where(e => splits.Contains(e.Split)).ToList(), schema);

        var model = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            .Fit(Rows("train"));
        double Evaluate(IDataView rows) => ml.MulticlassClassification.Evaluate(model.Transform(rows)).MicroAccuracy;
        return (Evaluate(Rows("test")), Evaluate(Rows("validation", "test")));
    }

    public static float[][] Concatenate(float[][] a, float[][] b) => a.Zip(b, (x, y) => x.Concat(y).ToArray()).ToArray();
}
