namespace MsaMl.Datasets;

/// <summary>Options of <see cref="TableReader.Read"/>: which file, how to decode it, which column is what.</summary>
public sealed class TableReaderOptions
{
    /// <summary>The table file (CSV, TSV or JSON Lines).</summary>
    public string Path { get; set; } = "";

    /// <summary>The file format; <see cref="TableFormat.Auto"/> decides by extension, then by content.</summary>
    public TableFormat Format { get; set; } = TableFormat.Auto;

    /// <summary>
    /// The text encoding by name (e.g. <c>windows-1252</c>, <c>latin1</c>, <c>utf-16</c>,
    /// <c>shift_jis</c>). When null: a byte-order mark decides when there is one (UTF-8 or UTF-16),
    /// else the file must be valid UTF-8.
    /// </summary>
    public string? Encoding { get; set; }

    /// <summary>Which column holds the id, text, audio and image paths, label, split and group.</summary>
    public TableColumnMap Columns { get; set; } = new();

    /// <summary>Relative audio and image paths are resolved against this folder; when null, against the table's folder.</summary>
    public string? BaseFolder { get; set; }

    /// <summary>Whether the label is a class name or a number.</summary>
    public TableLabelKind LabelKind { get; set; } = TableLabelKind.Class;

    /// <summary>What to do with rows whose audio or image file does not exist; either way they are counted in the warnings.</summary>
    public MissingFilePolicy MissingFiles { get; set; } = MissingFilePolicy.KeepAsMissingModality;

    /// <summary>
    /// The split made when no split column is mapped: stratified by label (numbers: by quintile),
    /// and by <see cref="TableColumnMap.Group"/> when one is mapped; without a group column, rows
    /// naming the same image (or, without images, the same audio file) are kept together.
    /// </summary>
    public GroupStratifiedSplitOptions Split { get; set; } = new();

    /// <summary>The dataset's name in summaries; the file name when null.</summary>
    public string? Name { get; set; }
}
