using System.Text.Json;

namespace MsaMl.Pipelines.Datasets;

/// <summary>Reads CSV, TSV and JSON Lines files into a <see cref="RawTable"/>, naming file and line on malformed input.</summary>
internal static class TableFile
{
    public static RawTable Read(string path, TableFormat format, string? encoding)
    {
        string text = TableText.Read(path, encoding);
        if (format == TableFormat.Auto) format = Detect(path, text);
        return format == TableFormat.JsonLines ? ReadJsonLines(path, text) : ReadSeparated(path, text, format);
    }

    private static TableFormat Detect(string path, string text)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv": return TableFormat.Csv;
            case ".tsv" or ".tab": return TableFormat.Tsv;
            case ".jsonl" or ".ndjson" or ".json": return TableFormat.JsonLines;
        }
        string firstLine = text.TrimStart().Split('\n', 2)[0];
        return firstLine.StartsWith('{') ? TableFormat.JsonLines : firstLine.Contains('\t') ? TableFormat.Tsv : TableFormat.Csv;
    }

    private static RawTable ReadSeparated(string path, string text, TableFormat format)
    {
        char separator = format == TableFormat.Tsv ? '\t' : ',';
        string separatorName = format == TableFormat.Tsv ? "tab" : "comma";
        var rows = CsvFile.Parse(path, text, separator);
        if (rows.Count == 0)
            throw new DatasetFormatException(path, 0, $"the file is empty; expected a header row naming the columns, {separatorName}-separated");
        var header = rows[0];
        var columns = header.Fields.Select(f => f.Trim()).ToList();
        foreach (var row in rows.Skip(1))
            if (row.Fields.Count != columns.Count)
                throw new DatasetFormatException(path, row.Line,
                    $"expected {columns.Count} {separatorName}-separated fields as in the header (line {header.Line}), found {row.Fields.Count}; quote fields that contain {separatorName}s, quotes or line breaks");
        return new RawTable(path, format, header.Line, columns, rows.Skip(1).ToList());
    }

    private static RawTable ReadJsonLines(string path, string text)
    {
        if (text.TrimStart().StartsWith('['))
            throw new DatasetFormatException(path, 1, "the file holds a JSON array; expected JSON Lines, one object per line");
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var objects = new List<(int Line, Dictionary<int, string> Values)>();
        string[] lines = text.Split('\n');
        for (int n = 0; n < lines.Length; n++)
        {
            string line = lines[n].TrimEnd('\r');
            if (line.Trim().Length == 0) continue;
            var values = new Dictionary<int, string>();
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new DatasetFormatException(path, n + 1, $"expected a JSON object, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (!index.TryGetValue(property.Name, out int column))
                    {
                        index[property.Name] = column = columns.Count;
                        columns.Add(property.Name);
                    }
                    values[column] = ValueText(property.Value);
                }
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(path, n + 1, $"not a JSON object: {e.Message.Split(" LineNumber:")[0].Trim()}");
            }
            objects.Add((n + 1, values));
        }
        var rows = objects.Select(o => new CsvRow(o.Line, Enumerable.Range(0, columns.Count).Select(c => o.Values.GetValueOrDefault(c, "")).ToArray())).ToList();
        return new RawTable(path, TableFormat.JsonLines, 0, columns, rows);
    }

    private static string ValueText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Null => "",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.GetRawText(),
    };
}
