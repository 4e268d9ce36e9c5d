using System.Globalization;

namespace MsaMl.Datasets.Video;

/// <summary>
/// Parses MMSA-style <c>label.csv</c> files in the forms real copies take:
/// <c>id,text,label,mode</c> (MOSI), <c>video_id,clip_id,text,label,mode</c> (MOSEI) and
/// <c>video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode</c> (CH-SIMS).
/// Required: text, label, mode and either video_id + clip_id or id; label_T, label_A, label_V
/// and annotation are optional; other columns are ignored.
/// </summary>
internal static class MosiLabelFile
{
    public const string ExpectedHeader = "text, label, mode and either video_id + clip_id or id (optional: label_T, label_A, label_V, annotation)";

    public static (IReadOnlyList<MosiRecord> Records, IReadOnlyList<string> Warnings) Read(string path, MosiOptions options)
    {
        var rows = CsvFile.Read(path);
        if (rows.Count == 0) throw new DatasetFormatException(path, 1, $"the file is empty; expected a header with {ExpectedHeader}");
        var header = new CsvHeader(path, rows[0]);
        var columns = Columns.Of(path, header, rows[0].Line);
        var ids = new MosiClipId(options.IdPattern);
        float bound = options.Dataset.LabelBound();

        var records = new List<MosiRecord>(rows.Count - 1);
        var withoutText = new List<string>();
        foreach (var row in rows.Skip(1))
        {
            header.CheckWidth(row);
            string Field(int column) => column < 0 ? "" : row.Fields[column].Trim();
            var (videoId, clipId) = VideoAndClip(path, row.Line, columns, ids, Field);
            string text = Field(columns.Text);
            if (text.Length == 0)
            {
                if (!options.DropRowsWithoutText)
                    throw new DatasetFormatException(path, row.Line, $"the text of clip {videoId}/{clipId} is empty (set MosiOptions.DropRowsWithoutText to drop such rows)");
                withoutText.Add($"{videoId}$_${clipId} (line {row.Line})");
                continue;
            }
            float score = Score(path, row.Line, "label", Field(columns.Label), bound)
                ?? throw new DatasetFormatException(path, row.Line, "the label field is empty");
            string mode = Field(columns.Mode);
            string split = SplitNames.Normalize(mode)
                ?? throw new DatasetFormatException(path, row.Line, $"mode must be train, valid, dev, val or test, not '{mode}'");
            records.Add(new MosiRecord
            {
                Id = $"{videoId}$_${clipId}",
                Text = text,
                Label = options.Dataset == MmsaDataset.Sims ? MosiSentiment.SimsThreeClass(score) : MosiSentiment.ThreeClass(score),
                Split = split,
                VideoId = videoId,
                ClipId = clipId,
                Sentiment = score,
                TextSentiment = Score(path, row.Line, "label_T", Field(columns.TextLabel), bound) ?? float.NaN,
                AudioSentiment = Score(path, row.Line, "label_A", Field(columns.AudioLabel), bound) ?? float.NaN,
                VisualSentiment = Score(path, row.Line, "label_V", Field(columns.VisualLabel), bound) ?? float.NaN,
                Annotation = Field(columns.Annotation),
            });
        }
        var warnings = new List<string>();
        WarningList.AddCounted(warnings, $"row(s) of {path} without text, dropped", withoutText);
        return (records, warnings);
    }

    private static (string Video, string Clip) VideoAndClip(string path, int line, Columns columns, MosiClipId ids, Func<int, string> field)
    {
        if (columns.Id >= 0)
        {
            string id = field(columns.Id);
            if (id.Length == 0) throw new DatasetFormatException(path, line, "the id field is empty");
            return ids.Split(id, out string problem) ?? throw new DatasetFormatException(path, line, problem);
        }
        string video = field(columns.Video), clip = field(columns.Clip);
        if (video.Length == 0 || clip.Length == 0)
            throw new DatasetFormatException(path, line, "video_id and clip_id must not be empty");
        return (video, clip);
    }

    private static float? Score(string path, int line, string column, string text, float bound)
    {
        if (text.Length == 0) return null;
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out float value) || !float.IsFinite(value))
            throw new DatasetFormatException(path, line, $"{column} '{text}' is not a number");
        if (value < -bound || value > bound)
            throw new DatasetFormatException(path, line, $"{column} {text} is outside [-{bound}, {bound}], the scale of this dataset");
        return value;
    }

    /// <summary>Where each column is; -1 for an absent optional one.</summary>
    private sealed record Columns(int Id, int Video, int Clip, int Text, int Label, int Mode, int TextLabel, int AudioLabel, int VisualLabel, int Annotation)
    {
        public static Columns Of(string path, CsvHeader header, int line)
        {
            int video = header.Find("video_id"), clip = header.Find("clip_id"), id = header.Find("id");
            if ((video < 0 || clip < 0) && id < 0)
                throw new DatasetFormatException(path, line,
                    $"the header has neither 'video_id' and 'clip_id' nor 'id'; expected {ExpectedHeader}");
            bool pair = video >= 0 && clip >= 0;
            return new Columns(pair ? -1 : id, pair ? video : -1, pair ? clip : -1,
                header.Require("text"), header.Require("label"), header.Require("mode"),
                header.Find("label_T"), header.Find("label_A"), header.Find("label_V"), header.Find("annotation"));
        }
    }
}
