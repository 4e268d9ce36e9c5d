using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Benchmarks;

internal static class DataViewDrain
{
    /// <summary>Reads every value of a float-vector column (forcing lazy transforms to run); returns the row count.</summary>
    public static int Column(IDataView data, string name)
    {
        var column = data.Schema[name];
        using var cursor = data.GetRowCursor(new[] { column });
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> value = default;
        int rows = 0;
        while (cursor.MoveNext()) { getter(ref value); rows++; }
        return rows;
    }
}
