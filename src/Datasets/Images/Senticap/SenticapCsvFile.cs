using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Images;

/// <summary>
/// Parses the Kaggle <c>senticap.csv</c>: one row per caption with (at least) the columns
/// <c>filename</c>, <c>split</c>, <c>raw</c>, <c>sentiment</c> and optionally <c>tokens</c>
/// (a Python list such as <c>['a', 'happy', 'dog']</c>); other columns are ignored. A file with the
/// official release's header (<c>filename,is_positive_sentiment,caption</c>) is read by
/// <see cref="SenticapOfficialCsvFile"/>.
/// </summary>
internal static partial class SenticapCsvFile
{
    [GeneratedRegex(@"'((?:[^'\\]|\\.)*)'|""((?:[^""\\]|\\.)*)""")]
    private static partial Regex PythonStringLiteral();

    public static IReadOnlyList<SenticapCaption> Read(string path)
    {
        var rows = CsvFile.Read(path);
        if (rows.Count == 0)
            throw new DatasetFormatException(path, 1, "the file is empty; expected a header with filename, split, raw, sentiment (Kaggle) or filename, is_positive_sentiment, caption (official release)");
        var header = new CsvHeader(path, rows[0]);
        if (SenticapOfficialCsvFile.Matches(header)) return SenticapOfficialCsvFile.Read(path, header, rows.Skip(1));
        int filename = header.Require("filename"), split = header.Require("split");
        int raw = header.Require("raw"), sentiment = header.Require("sentiment"), tokens = header.Find("tokens");

        var captionsPerImage = new Dictionary<string, int>(StringComparer.Ordinal);
        var captions = new List<SenticapCaption>();
        foreach (var row in rows.Skip(1))
        {
            header.CheckWidth(row);
            string file = row.Fields[filename].Trim();
            if (file.Length == 0) throw new DatasetFormatException(path, row.Line, "the filename field is empty");
            string normalizedSplit = SplitNames.Normalize(row.Fields[split])
                ?? throw new DatasetFormatException(path, row.Line, $"split must be train, val or test, not '{row.Fields[split]}'");
            bool positive = row.Fields[sentiment].Trim() switch
            {
                "1" or "1.0" => true,
                "0" or "0.0" => false,
                var other => throw new DatasetFormatException(path, row.Line, $"sentiment must be 1 (positive) or 0 (negative), not '{other}'"),
            };
            int index = captionsPerImage.GetValueOrDefault(file);
            captionsPerImage[file] = index + 1;
            captions.Add(new SenticapCaption(file, normalizedSplit, index, row.Fields[raw].Trim(),
                tokens < 0 ? "" : TokensOf(row.Fields[tokens]), positive));
        }
        return captions;
    }

    private static string TokensOf(string field)
    {
        string trimmed = field.Trim();
        if (!trimmed.StartsWith('[')) return trimmed;
        var items = PythonStringLiteral().Matches(trimmed)
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        return string.Join(' ', items);
    }
}
