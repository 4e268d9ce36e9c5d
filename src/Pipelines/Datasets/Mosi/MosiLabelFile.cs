using System.Globalization;

namespace MsaMl.Pipelines.Datasets;

/// <summary>Parses MMSA's <c>label.csv</c> into records without audio paths.</summary>
internal static class MosiLabelFile
{
    private static readonly string[] Columns = ["video_id", "clip_id", "text", "label", "label_T", "label_A", "label_V", "annotation", "mode"];

    public static IReadOnlyList<MosiRecord> Read(string path)
    {
        var rows = CsvFile.Read(path);
        if (rows.Count == 0) throw new DatasetFormatException(path, 1, $"the file is empty; expected the header {string.Join(",", Columns)}");
        var header = new CsvHeader(path, rows[0]);
        int[] at = Columns.Select(header.Require).ToArray();

        var records = new List<MosiRecord>(rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            header.CheckWidth(row);
            string Field(int column) => row.Fields[at[column]].Trim();
            string videoId = Field(0), clipId = Field(1);
            if (videoId.Length == 0 || clipId.Length == 0)
                throw new DatasetFormatException(path, row.Line, "video_id and clip_id must not be empty");
            float score = Score(path, row.Line, "label", Field(3))
                ?? throw new DatasetFormatException(path, row.Line, "the label field is empty");
            if (score is < -3f or > 3f)
                throw new DatasetFormatException(path, row.Line, $"label {score.ToString(CultureInfo.InvariantCulture)} is outside [-3, 3]");
            string split = Field(8) switch
            {
                "train" => SplitNames.Train,
                "valid" => SplitNames.Validation,
                "test" => SplitNames.Test,
                var other => throw new DatasetFormatException(path, row.Line, $"mode must be train, valid or test, not '{other}'"),
            };
            records.Add(new MosiRecord
            {
                Id = $"{videoId}$_${clipId}",
                Text = Field(2),
                Label = MosiSentiment.ThreeClass(score),
                Split = split,
                VideoId = videoId,
                ClipId = clipId,
                Sentiment = score,
                TextSentiment = Score(path, row.Line, "label_T", Field(4)) ?? float.NaN,
                AudioSentiment = Score(path, row.Line, "label_A", Field(5)) ?? float.NaN,
                VisualSentiment = Score(path, row.Line, "label_V", Field(6)) ?? float.NaN,
                Annotation = Field(7),
            });
        }
        return records;
    }

    private static float? Score(string path, int line, string column, string text)
    {
        if (text.Length == 0) return null;
        return float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) && float.IsFinite(value)
            ? value
            : throw new DatasetFormatException(path, line, $"{column} '{text}' is not a number");
    }
}
