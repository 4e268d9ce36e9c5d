using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>Reads a Single or Double column (ML.NET regression labels and scores) as doubles.</summary>
internal static class NumberColumn
{
    /// <exception cref="ArgumentOutOfRangeException">The column is missing or not Single/Double; the message names it.</exception>
    public static double[] Read(IDataView data, string columnName)
    {
        var column = data.Schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentOutOfRangeException(nameof(columnName), $"Column '{columnName}' not found.");
        if (column.Type == NumberDataViewType.Single)
            return data.GetColumn<float>(column).Select(v => (double)v).ToArray();
        if (column.Type == NumberDataViewType.Double)
            return data.GetColumn<double>(column).ToArray();
        throw new ArgumentOutOfRangeException(nameof(columnName), $"Column '{columnName}' is {column.Type}; expected Single or Double.");
    }
}
