using System.Globalization;
using MsaMl.Transforms.Core;

namespace MsaMl.Datasets;

/// <summary>Turns a <see cref="RawTable"/>'s rows into <see cref="TableRecord"/>s: paths resolved and checked, labels and splits parsed.</summary>
internal sealed class TableRows(RawTable table, TableColumns columns, TableReaderOptions options, string baseFolder)
{
    private readonly List<string> _missingAudio = [];
    private readonly List<string> _missingImage = [];
    private readonly List<string> _missingVideo = [];
    private readonly List<string> _duplicateIds = [];
    private readonly List<string> _warnings = [];

    /// <summary>Missing files and duplicate ids, counted, after <see cref="Read"/>.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    public List<TableRecord> Read()
    {
        var records = new List<TableRecord>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in table.Rows)
        {
            var record = ReadRow(row);
            if (record is null) continue;
            if (!ids.Add(record.Id)) _duplicateIds.Add($"{record.Id} (line {row.Line})");
            records.Add(record);
        }

        bool drop = options.MissingFiles == MissingFilePolicy.DropRow;
        WarningList.AddCounted(_warnings, drop
            ? $"row(s) dropped because the audio file does not exist (relative paths from {baseFolder})"
            : $"row(s) whose audio file does not exist (relative paths from {baseFolder}), kept without audio", _missingAudio);
        WarningList.AddCounted(_warnings, drop
            ? $"row(s) dropped because the image file does not exist (relative paths from {baseFolder})"
            : $"row(s) whose image file does not exist (relative paths from {baseFolder}), kept without an image", _missingImage);
        WarningList.AddCounted(_warnings, drop
            ? $"row(s) dropped because the video file does not exist (relative paths from {baseFolder})"
            : $"row(s) whose video file does not exist (relative paths from {baseFolder}), kept without a video", _missingVideo);
        WarningList.AddCounted(_warnings, "row(s) repeat an id seen before", _duplicateIds);
        return records;
    }

    private TableRecord? ReadRow(CsvRow row)
    {
        string Field(int column) => column < 0 ? "" : row.Fields[column].Trim();
        string ColumnName(int column) => table.Columns[column];

        string id = columns.Id < 0 ? row.Line.ToString(CultureInfo.InvariantCulture) : Field(columns.Id);
        if (id.Length == 0) throw new DatasetFormatException(table.File, row.Line, $"the id (column '{ColumnName(columns.Id)}') is empty");

        string labelText = Field(columns.Label);
        if (labelText.Length == 0) throw new DatasetFormatException(table.File, row.Line, $"the label (column '{ColumnName(columns.Label)}') is empty");
        float value = float.NaN;
        if (options.LabelKind == TableLabelKind.Number)
        {
            if (!double.TryParse(labelText, NumberStyles.Float, CultureInfo.InvariantCulture, out double number) || !double.IsFinite(number))
                throw new DatasetFormatException(table.File, row.Line,
                    $"the label (column '{ColumnName(columns.Label)}') must be a number such as -1.5, not '{labelText}'");
            value = (float)number;
            labelText = value.ToString("R", CultureInfo.InvariantCulture);
        }

        string split = "";
        if (columns.Split >= 0)
            split = SplitNames.Normalize(Field(columns.Split)) ?? throw new DatasetFormatException(table.File, row.Line,
                $"the split (column '{ColumnName(columns.Split)}') must be train, validation (val, valid, dev) or test, not '{Field(columns.Split)}'");

        string audio = Resolve(Field(columns.Audio), row.Line, _missingAudio, out bool audioMissing);
        string image = Resolve(Field(columns.Image), row.Line, _missingImage, out bool imageMissing);
        string video = Resolve(Field(columns.Video), row.Line, _missingVideo, out bool videoMissing);
        if ((audioMissing || imageMissing || videoMissing) && options.MissingFiles == MissingFilePolicy.DropRow) return null;

        return new TableRecord
        {
            Id = id,
            Text = columns.Text < 0 ? "" : row.Fields[columns.Text].Trim(),
            AudioPath = audio,
            ImagePath = image,
            VideoPath = video,
            Label = Shared(labelText),
            Value = value,
            Split = split,
            Group = Shared(Field(columns.Group)),
            Speaker = Shared(Field(columns.Group)),
            File = table.File,
            Line = row.Line,
        };
    }

    // Labels and groups repeat over millions of rows: one string per distinct value (up to a bound) instead of one per row.
    private readonly Dictionary<string, string> _shared = new(StringComparer.Ordinal);

    private string Shared(string value)
    {
        if (_shared.TryGetValue(value, out var shared)) return shared;
        if (_shared.Count < 100_000) _shared[value] = value;
        return value;
    }

    /// <summary>The absolute path of an existing file, or "" for an empty field or a missing file (counted in <paramref name="missing"/>).</summary>
    private string Resolve(string field, int line, List<string> missing, out bool isMissing)
    {
        isMissing = false;
        if (field.Length == 0) return "";
        string path = Path.GetFullPath(field, baseFolder);
        if (IsFile(path, field, line)) return path;
        // Tables written on Windows use backslashes.
        string slashed = Path.GetFullPath(field.Replace('\\', '/'), baseFolder);
        if (IsFile(slashed, field, line)) return slashed;
        isMissing = true;
        missing.Add($"line {line} ({field})");
        return "";
    }

    // A folder, device or pipe where a media file should be is a mistake in the table, not a missing file (a pipe would block the read forever).
    private bool IsFile(string path, string field, int line)
    {
        var kind = FileKinds.Of(path);
        if (kind == FileKind.Missing) return false;
        if (kind != FileKind.Regular)
            throw new DatasetFormatException(table.File, line, $"'{field}' ({path}) is {FileKinds.Describe(kind)}, not a regular file; expected the row's audio, image or video file");
        return true;
    }
}
