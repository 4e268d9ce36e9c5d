using System.Text;

namespace MsaMl.Datasets;

/// <summary>
/// Reads comma-separated files with RFC 4180 quoting: quoted fields may hold separators, line
/// breaks and doubled quotes (<c>""</c>). Blank lines are skipped. <see cref="Parse(string, TextReader, char)"/>
/// reads a record at a time, so a table of any size is never held whole in memory.
/// </summary>
public static class CsvFile
{
    /// <summary>Reads every record of <paramref name="path"/> (UTF-8, with or without BOM).</summary>
    /// <exception cref="DatasetFormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IReadOnlyList<CsvRow> Read(string path, char separator = ',')
    {
        using var reader = new StreamReader(path, Encoding.UTF8);
        return Parse(path, reader, separator).ToList();
    }

    /// <summary>Parses CSV <paramref name="text"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    public static IReadOnlyList<CsvRow> Parse(string fileName, string text, char separator = ',') =>
        Parse(fileName, new StringReader(text), separator).ToList();

    /// <summary>
    /// The records of <paramref name="reader"/>, one at a time as they are read; <paramref name="fileName"/> is only
    /// used in error messages.
    /// </summary>
    /// <exception cref="DatasetFormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IEnumerable<CsvRow> Parse(string fileName, TextReader reader, char separator = ',')
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1;
        bool recordHasContent = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            if (c == '"' && field.Length == 0)
            {
                int quoteLine = line;
                recordHasContent = true;
                while (true)
                {
                    int q = reader.Read();
                    if (q < 0) throw new DatasetFormatException(fileName, quoteLine, "a quoted field is not closed");
                    if (q == '"')
                    {
                        if (reader.Peek() == '"') { reader.Read(); field.Append('"'); continue; }
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append((char)q);
                }
                int next = reader.Peek();
                if (next >= 0 && next != separator && next != '\r' && next != '\n')
                    throw new DatasetFormatException(fileName, line, $"unexpected '{(char)next}' after a closing quote (a quote inside a field must be doubled)");
                continue;
            }
            if (c == separator)
            {
                recordHasContent = true;
                fields.Add(field.ToString());
                field.Clear();
                continue;
            }
            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && reader.Peek() == '\n') reader.Read();
                if (EndRecord() is { } row) yield return row;
                line++;
                recordLine = line;
                continue;
            }
            recordHasContent = true;
            field.Append((char)c);
        }
        if (EndRecord() is { } last) yield return last;

        CsvRow? EndRecord()
        {
            fields.Add(field.ToString());
            field.Clear();
            var row = recordHasContent ? new CsvRow(recordLine, fields.ToArray()) : null;
            fields.Clear();
            recordHasContent = false;
            return row;
        }
    }
}
