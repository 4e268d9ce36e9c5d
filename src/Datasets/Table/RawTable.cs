namespace MsaMl.Datasets;

/// <summary>
/// A table as read from its file, before mapping: the column names, the line of the header (0 for
/// JSON Lines, which has none) and the rows, each with one field per column, read from the file as they are enumerated.
/// </summary>
internal sealed record RawTable(string File, TableFormat Format, int HeaderLine, IReadOnlyList<string> Columns, IEnumerable<CsvRow> Rows)
{
    /// <summary>Index of <paramref name="column"/>: the exact name, else the only one equal ignoring case; -1 when there is none.</summary>
    public int Find(string column)
    {
        for (int i = 0; i < Columns.Count; i++)
            if (Columns[i] == column) return i;
        var ignoringCase = Enumerable.Range(0, Columns.Count)
            .Where(i => string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase)).ToList();
        return ignoringCase.Count == 1 ? ignoringCase[0] : -1;
    }

    /// <summary>The indices of the columns <paramref name="column"/> names: those of that exact name, else those equal ignoring case.</summary>
    public IReadOnlyList<int> Matching(string column)
    {
        var exact = Enumerable.Range(0, Columns.Count).Where(i => Columns[i] == column).ToList();
        return exact.Count > 0 ? exact : Enumerable.Range(0, Columns.Count)
            .Where(i => string.Equals(Columns[i], column, StringComparison.OrdinalIgnoreCase)).ToList();
    }

    /// <summary>The columns for error messages: <c>'a', 'b', 'c'</c>.</summary>
    public string ColumnList => Columns.Count == 0 ? "none" : string.Join(", ", Columns.Select(c => $"'{c}'"));
}
