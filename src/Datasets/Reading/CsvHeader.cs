namespace MsaMl.Datasets;

/// <summary>The header row of a CSV file: finds columns by name (case-insensitive) and checks row widths.</summary>
public sealed class CsvHeader
{
    private readonly string _file;
    private readonly CsvRow _row;

    public CsvHeader(string file, CsvRow row)
    {
        _file = file;
        _row = row;
    }

    /// <summary>Number of columns.</summary>
    public int Count => _row.Fields.Count;

    /// <summary>Index of <paramref name="column"/>, or -1 when the header does not have it.</summary>
    public int Find(string column)
    {
        for (int i = 0; i < _row.Fields.Count; i++)
            if (string.Equals(_row.Fields[i].Trim(), column, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    /// <summary>Index of <paramref name="column"/>.</summary>
    /// <exception cref="DatasetFormatException">The header has no such column.</exception>
    public int Require(string column)
    {
        int index = Find(column);
        if (index < 0)
            throw new DatasetFormatException(_file, _row.Line,
                $"the header has no '{column}' column (found: {string.Join(", ", _row.Fields)})");
        return index;
    }

    /// <summary>Checks that <paramref name="row"/> has one field per column.</summary>
    /// <exception cref="DatasetFormatException">It has more or fewer.</exception>
    public void CheckWidth(CsvRow row)
    {
        if (row.Fields.Count != Count)
            throw new DatasetFormatException(_file, row.Line,
                $"expected {Count} comma-separated fields as in the header, found {row.Fields.Count} (quote fields that contain commas)");
    }
}
