namespace MsaMl.Datasets;

/// <summary>A <see cref="TableColumnMap"/> resolved against a table's columns: the index of each mapped column, -1 when unmapped.</summary>
internal sealed record TableColumns(int Id, int Text, int Audio, int Image, int Video, int Label, int Split, int Group)
{
    /// <exception cref="DatasetFormatException">The map lacks a label or every modality, names a column the table does not have
    /// (the message lists the columns found) or has twice, or maps one column to two of text, audio, image, video, label and split.</exception>
    public static TableColumns Resolve(RawTable table, TableColumnMap map)
    {
        string keys = "msa train --map, TableReaderOptions.Columns";
        if (map.Label is null)
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"no label column is mapped ({keys}: label=<column>); columns found: {table.ColumnList}");
        if (map.Text is null && map.Audio is null && map.Image is null && map.Video is null)
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"none of text, audio, image or video is mapped ({keys}: text=<column>, audio=<column>, image=<column>, video=<column>); columns found: {table.ColumnList}");

        foreach (var (key, column) in map.Mapped())
        {
            var same = table.Matching(column);
            if (same.Count > 1)
                throw new DatasetFormatException(table.File, table.HeaderLine,
                    $"the table has {same.Count} columns named {string.Join(" and ", same.Select(i => $"'{table.Columns[i]}' (column {i + 1})"))}, so '{column}' (for {key}) is ambiguous; rename the duplicates");
        }
        var missing = map.Mapped().Where(m => table.Find(m.Column) < 0).ToList();
        if (missing.Count > 0)
        {
            string what = string.Join(", ", missing.Select(m => $"'{m.Column}' (for {m.Key})"));
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"the table has no column {what}; columns found: {table.ColumnList}");
        }

        var shared = map.Mapped().Where(m => OwnColumn.Contains(m.Key)).GroupBy(m => table.Find(m.Column)).FirstOrDefault(g => g.Count() > 1);
        if (shared is not null)
            throw new DatasetFormatException(table.File, table.HeaderLine,
                $"column '{table.Columns[shared.Key]}' is mapped to both {string.Join(" and ", shared.Select(m => m.Key))} ({keys}); each of {string.Join(", ", OwnColumn)} needs a column of its own (a label read as an input makes any model look perfect)");

        int Index(string? column) => column is null ? -1 : table.Find(column);
        return new TableColumns(Index(map.Id), Index(map.Text), Index(map.Audio), Index(map.Image), Index(map.Video),
            Index(map.Label), Index(map.Split), Index(map.Group));
    }

    /// <summary>The keys whose columns no other of them may share (id and group may name any column).</summary>
    private static readonly string[] OwnColumn = ["text", "audio", "image", "video", "label", "split"];
}
