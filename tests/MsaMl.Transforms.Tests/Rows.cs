using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Tests;

public sealed class AudioRow { public string AudioPath { get; set; } = ""; }
public sealed class TextRow { public string Text { get; set; } = ""; }
public sealed class ImageRow { public string ImagePath { get; set; } = ""; }

internal static class Columns
{
    /// <summary>All values of a float-vector column, row by row.</summary>
    public static float[][] Read(IDataView data, string column)
    {
        var col = data.Schema[column];
        var rows = new List<float[]>();
        using var cursor = data.GetRowCursor(new[] { col });
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }
        return rows.ToArray();
    }

    public static double Cosine(float[] a, float[] b)
    {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.Length; i++) { dot += a[i] * b[i]; na += a[i] * a[i]; nb += b[i] * b[i]; }
        return dot / Math.Sqrt(na * nb);
    }
}
