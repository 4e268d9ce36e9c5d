using Microsoft.ML;

namespace MsaMl.Trainers.Training;

/// <summary>
/// How much memory a trainer's feature columns take and how much they may take: the default budget
/// is a third of the memory the process may use (physical memory, or the container's limit), which
/// leaves room for the network, its activations and the runtime.
/// </summary>
public static class FeatureMemory
{
    /// <summary>The fraction of available memory <see cref="DefaultBudgetBytes"/> allows.</summary>
    public const double DefaultFraction = 1.0 / 3;

    /// <summary>A third of the memory available to the process.</summary>
    public static long DefaultBudgetBytes => (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultFraction);

    /// <summary>The budget of <paramref name="options"/>: its <see cref="TorchTrainerOptions.MemoryBudgetMegabytes"/>, or the default.</summary>
    public static long BudgetBytes(TorchTrainerOptions options) =>
        options.MemoryBudgetMegabytes is double mb ? Math.Max(1L, (long)(mb * (1 << 20))) : DefaultBudgetBytes;

    /// <summary>Bytes the float columns <paramref name="columns"/> of all rows take in memory (rows counted with a cursor when the view does not know its count).</summary>
    public static long Bytes(IDataView data, IReadOnlyList<string> columns) =>
        Rows(data) * RowFloats(data, columns) * sizeof(float);

    /// <summary>Floats of one row over <paramref name="columns"/>.</summary>
    public static long RowFloats(IDataView data, IReadOnlyList<string> columns) =>
        columns.Sum(c => (long)FeatureReader.RowShape(data.Schema, c).Aggregate(1, (a, b) => a * b));

    /// <summary>The row count: the view's own, or counted with a cursor that reads no column.</summary>
    public static long Rows(IDataView data)
    {
        if (data.GetRowCount() is long known) return known;
        long rows = 0;
        using var cursor = data.GetRowCursor(Array.Empty<Microsoft.ML.DataViewSchema.Column>());
        while (cursor.MoveNext()) rows++;
        return rows;
    }

    /// <summary>
    /// Whether every column of <paramref name="data"/> fits one .NET array (at most
    /// <see cref="Array.MaxLength"/> floats), as holding it in memory needs.
    /// </summary>
    public static bool FitsArrays(IDataView data, IReadOnlyList<string> columns)
    {
        long rows = Rows(data);
        return columns.All(c => rows * FeatureReader.RowShape(data.Schema, c).Aggregate(1L, (a, b) => a * b) <= Array.MaxLength);
    }
}
