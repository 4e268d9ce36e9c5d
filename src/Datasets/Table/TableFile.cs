using System.Text.Json;

namespace MsaMl.Datasets;

/// <summary>
/// Reads CSV, TSV and JSON Lines files into a <see cref="RawTable"/>, naming file and line on malformed input. The
/// header (JSON Lines: the keys of every line) is read at once; the rows are streamed from the file each time they are
/// enumerated, so only the records made of them are held in memory, never the file's text.
/// </summary>
internal static class TableFile
{
    public static RawTable Read(string path, TableFormat format, string? encoding)
    {
        if (format == TableFormat.Auto) format = Detect(path, encoding);
        return format == TableFormat.JsonLines ? ReadJsonLines(path, encoding) : ReadSeparated(path, format, encoding);
    }

    private static TableFormat Detect(string path, string? encoding)
    {
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv": return TableFormat.Csv;
            case ".tsv" or ".tab": return TableFormat.Tsv;
            case ".jsonl" or ".ndjson" or ".json": return TableFormat.JsonLines;
        }
        using var reader = TableText.Open(path, encoding);
        while (reader.Peek() >= 0 && char.IsWhiteSpace((char)reader.Peek())) reader.Read();
        string firstLine = reader.ReadLine() ?? "";
        return firstLine.StartsWith('{') ? TableFormat.JsonLines : firstLine.Contains('\t') ? TableFormat.Tsv : TableFormat.Csv;
    }

    private static RawTable ReadSeparated(string path, TableFormat format, string? encoding)
    {
        char separator = format == TableFormat.Tsv ? '\t' : ',';
        string separatorName = format == TableFormat.Tsv ? "tab" : "comma";
        CsvRow header;
        using (var reader = TableText.Open(path, encoding))
            header = CsvFile.Parse(path, reader, separator).FirstOrDefault()
                ?? throw new DatasetFormatException(path, 0, $"the file is empty; expected a header row naming the columns, {separatorName}-separated");
        var columns = header.Fields.Select(f => f.Trim()).ToList();

        IEnumerable<CsvRow> Rows()
        {
            using var reader = TableText.Open(path, encoding);
            foreach (var row in CsvFile.Parse(path, reader, separator).Skip(1))
            {
                if (row.Fields.Count != columns.Count)
                    throw new DatasetFormatException(path, row.Line,
                        $"expected {columns.Count} {separatorName}-separated fields as in the header (line {header.Line}), found {row.Fields.Count}; quote fields that contain {separatorName}s, quotes or line breaks");
                yield return row;
            }
        }
        return new RawTable(path, format, header.Line, columns, Rows());
    }

    private static RawTable ReadJsonLines(string path, string? encoding)
    {
        // A first pass finds the columns (the keys of every object); the rows are parsed again as they are read.
        var columns = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, properties) in Objects(path, encoding))
            foreach (var property in properties)
                if (!index.ContainsKey(property.Name))
                {
                    index[property.Name] = columns.Count;
                    columns.Add(property.Name);
                }

        IEnumerable<CsvRow> Rows()
        {
            foreach (var (line, properties) in Objects(path, encoding))
            {
                var fields = new string[columns.Count];
                Array.Fill(fields, "");
                foreach (var property in properties) fields[index[property.Name]] = property.Value;
                yield return new CsvRow(line, fields);
            }
        }
        return new RawTable(path, TableFormat.JsonLines, 0, columns, Rows());
    }

    /// <summary>The objects of a JSON Lines file, one per non-blank line, as (line, properties in order).</summary>
    private static IEnumerable<(int Line, List<(string Name, string Value)> Properties)> Objects(string path, string? encoding)
    {
        using var reader = TableText.Open(path, encoding);
        int n = 0;
        bool first = true;
        string? line;
        while ((line = reader.ReadLine()) != null)
        {
            n++;
            if (line.Trim().Length == 0) continue;
            if (first && line.TrimStart().StartsWith('['))
                throw new DatasetFormatException(path, n, "the file holds a JSON array; expected JSON Lines, one object per line");
            first = false;
            var properties = new List<(string, string)>();
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                    throw new DatasetFormatException(path, n, $"expected a JSON object, found {document.RootElement.ValueKind.ToString().ToLowerInvariant()}");
                foreach (var property in document.RootElement.EnumerateObject()) properties.Add((property.Name, ValueText(property.Value)));
            }
            catch (JsonException e)
            {
                throw new DatasetFormatException(path, n, $"not a JSON object: {e.Message.Split(" LineNumber:")[0].Trim()}");
            }
            yield return (n, properties);
        }
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
