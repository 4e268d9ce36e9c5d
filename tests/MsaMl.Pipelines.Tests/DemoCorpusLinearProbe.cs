using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Tests;

/// <summary>Multinomial logistic regression on given per-row features: trained on the train split, accuracy on another split.</summary>
internal static class DemoCorpusLinearProbe
{
    private sealed class Example
    {
        public string Label { get; set; } = "";
        public float[] Features { get; set; } = [];
    }

    public static double Accuracy(MLContext ml, IReadOnlyList<DemoRecord> records, float[][] features, string trainSplit, params string[] evaluationSplits)
    {
        var train = Load(ml, records, features, r => r.Split == trainSplit);
        var evaluation = Load(ml, records, features, r => evaluationSplits.Contains(r.Split));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.NormalizeMeanVariance("Features"))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy());
        var model = pipeline.Fit(train);
        return ml.MulticlassClassification.Evaluate(model.Transform(evaluation)).MicroAccuracy;
    }

    public static float[][] Concatenate(float[][] a, float[][] b) => a.Zip(b, (x, y) => x.Concat(y).ToArray()).ToArray();

    private static IDataView Load(MLContext ml, IReadOnlyList<DemoRecord> records, float[][] features, Func<DemoRecord, bool> keep)
    {
        int dimension = features[0].Length;
        var schema = SchemaDefinition.Create(typeof(Example));
        schema[nameof(Example.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        var rows = records.Select((r, i) => (r, i)).Where(p => keep(p.r))
            .Select(p => new Example { Label = p.r.Label, Features = features[p.i] }).ToList();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }
}
