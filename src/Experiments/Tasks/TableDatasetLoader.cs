using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Experiments;

/// <summary>
/// <c>msa train --dataset table --root data.csv --map text=Text,image=Name,label=Valence</c>:
/// a table read with <see cref="TableReader"/>, its relative paths resolved against the table's
/// folder, split (when it has no split column) with the default seeded, stratified, group-aware split.
/// </summary>
public static class TableDatasetLoader
{
    /// <summary>The dataset name of <c>msa train --dataset</c>.</summary>
    public const string DatasetName = "table";

    /// <summary>Reads the table at <paramref name="path"/> with the column map <paramref name="map"/> (see <see cref="TableColumnMap.Parse"/>).</summary>
    /// <exception cref="ArgumentException">No map was given, or it is malformed.</exception>
    public static DatasetTable<TableRecord> Read(MLContext ml, string path, string? map, string? encoding = null)
    {
        if (string.IsNullOrWhiteSpace(map))
            throw new ArgumentException($"Dataset '{DatasetName}' needs --map, e.g. --map text=Text,image=Name,label=Valence (keys: {string.Join(", ", TableColumnMap.Keys)}).");
        return TableReader.Read(ml, new TableReaderOptions { Path = path, Columns = TableColumnMap.Parse(map), Encoding = encoding });
    }
}
