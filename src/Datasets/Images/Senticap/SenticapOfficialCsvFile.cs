namespace MsaMl.Datasets.Images;

/// <summary>
/// Parses the CSV of the official SentiCap release, <c>senticap_dataset.csv</c>: one row per
/// caption, header <c>filename,is_positive_sentiment,caption</c> (1 or True = positive, 0 or False =
/// negative). It has no split column: the captions come back with an empty split.
/// </summary>
internal static class SenticapOfficialCsvFile
{
    /// <summary>Whether <paramref name="header"/> is the official form's (it has is_positive_sentiment and caption).</summary>
    public static bool Matches(CsvHeader header) => header.Find("is_positive_sentiment") >= 0 && header.Find("caption") >= 0;

    public static IReadOnlyList<SenticapCaption> Read(string path, CsvHeader header, IEnumerable<CsvRow> rows)
    {
        int filename = header.Require("filename"), positive = header.Require("is_positive_sentiment"), caption = header.Require("caption");
        var captionsPerImage = new Dictionary<string, int>(StringComparer.Ordinal);
        var captions = new List<SenticapCaption>();
        foreach (var row in rows)
        {
            header.CheckWidth(row);
            string file = row.Fields[filename].Trim();
            if (file.Length == 0) throw new DatasetFormatException(path, row.Line, "the filename field is empty");
            bool isPositive = row.Fields[positive].Trim().ToLowerInvariant() switch
            {
                "1" or "1.0" or "true" => true,
                "0" or "0.0" or "false" => false,
                var other => throw new DatasetFormatException(path, row.Line, $"is_positive_sentiment must be 1 (positive) or 0 (negative), not '{other}'"),
            };
            int index = captionsPerImage.GetValueOrDefault(file);
            captionsPerImage[file] = index + 1;
            captions.Add(new SenticapCaption(file, "", index, row.Fields[caption].Trim(), "", isPositive));
        }
        return captions;
    }
}
