using System.Text;

namespace MsaMl.Pipelines.Datasets;

/// <summary>
/// Reads comma-separated files with RFC 4180 quoting: quoted fields may hold separators, line
/// breaks and doubled quotes (<c>""</c>). Blank lines are skipped.
/// </summary>
public static class CsvFile
{
    /// <summary>Reads every record of <paramref name="path"/> (UTF-8, with or without BOM).</summary>
    /// <exception cref="DatasetFormatException">A quoted field is not closed, or text follows a closing quote.</exception>
    public static IReadOnlyList<CsvRow> Read(string path, char separator = ',')
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        return Parse(path, text, separator);
    }

    /// <summary>Parses CSV <paramref name="text"/>; <paramref name="fileName"/> is only used in error messages.</summary>
    public static IReadOnlyList<CsvRow> Parse(string fileName, string text, char separator = ',')
    {
        var rows = new List<CsvRow>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool recordHasContent = false;

        void EndField()
        {
            fields.Add(field.ToString());
            field.Clear();
        }

        void EndRecord()
        {
            EndField();
            if (recordHasContent) rows.Add(new CsvRow(recordLine, fields.ToArray()));
            fields.Clear();
            recordHasContent = false;
        }

        while (i < text.Length)
        {
            char c = text[i];
            if (c == '"' && field.Length == 0)
            {
                int quoteLine = line;
                recordHasContent = true;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new DatasetFormatException(fileName, quoteLine, "a quoted field is not closed");
                    char q = text[i];
                    if (q == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (q == '\n') line++;
                    field.Append(q);
                    i++;
                }
                if (i < text.Length && text[i] != separator && text[i] != '\r' && text[i] != '\n')
                    throw new DatasetFormatException(fileName, line, $"unexpected '{text[i]}' after a closing quote (a quote inside a field must be doubled)");
                continue;
            }
            if (c == separator) { recordHasContent = true; EndField(); i++; continue; }
            if (c == '\r' || c == '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                recordLine = line;
                continue;
            }
            recordHasContent = true;
            field.Append(c);
            i++;
        }
        EndRecord();
        return rows;
    }
}
