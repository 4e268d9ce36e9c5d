using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Tests;

public sealed class FeatureReaderTests
{
    public sealed class Row
    {
        public string Label { get; set; } = "";
        [VectorType(2, 3)] public float[] Features { get; set; } = Array.Empty<float>();
    }

    [Fact]
    public void ReadsRowsInOrderWithKnownAndUnknownRowCounts()
    {
        var ml = new MLContext(seed: 1);
        var rows = Enumerable.Range(0, 7).Select(i => new Row { Label = i % 2 == 0 ? "even" : "odd", Features = Enumerable.Range(0, 6).Select(k => i * 10f + k).ToArray() }).ToArray();
        var data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
        var cached = ml.Data.Cache(data);
        using (var cursor = cached.GetRowCursor(cached.Schema)) while (cursor.MoveNext()) { }

        foreach (var view in new[] { data, cached })
        {
            var table = FeatureReader.Read(view, new[] { "Features" }, "Label");
            Assert.Equal(7, table.Rows);
            Assert.Equal(new[] { 2, 3 }, table.Inputs[0].RowShape);
            Assert.Equal(rows.SelectMany(r => r.Features), table.Inputs[0].Values);
            Assert.Equal(new[] { 0, 1, 0, 1, 0, 1, 0 }, table.Labels);
        }
    }
}
