namespace MsaMl.Pipelines.Datasets;

/// <summary>A <see cref="TableColumnMap"/> resolved against a table's columns: the index of each mapped column, -1 when unmapped.</summary>
internal sealed record TableColumns(int Id, int Text, int Audio, int Image, int Label, int Split, int Group)
{
    /// <exception cref="DatasetFormatException">The map lacks a label or every modality, or names a column the table does not have (the message lists the columns found).</exception>
    public static TableColumns Resolve(RawTable table, TableColumnMap map)
    {
        string keys = "msa train --map, TableReaderOptions.Columns";
        if (map.Label is null)
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"no label column is mapped ({keys}: label=<column>); columns found: {table.ColumnList}");
        if (map.Text is null && map.Audio is null && map.Image is null)
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"none of text, audio or image is mapped ({keys}: text=<column>, audio=<column>, image=<column>); columns found: {table.ColumnList}");

        var missing = map.Mapped().Where(m => table.Find(m.Column) < 0).ToList();
        if (missing.Count > 0)
        {
            string what = string.Join(", ", missing.Select(m => $"'{m.Column}' (for {m.Key})"));
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"the table has no column {what}; columns found: {table.ColumnList}");
        }

        int Index(string? column) => column is null ? -1 : table.Find(column);
        return new TableColumns(Index(map.Id), Index(map.Text), Index(map.Audio), Index(map.Image),
            Index(map.Label), Index(map.Split), Index(map.Group));
    }
}
