namespace MsaMl.Datasets;

/// <summary>One row of a table read by <see cref="TableReader"/>, in MsaMl's standard columns plus its group, numeric label and source line.</summary>
public sealed class TableRecord : MultimodalRecord
{
    /// <summary>The value of the group column (speaker, image, video…), or empty when none is mapped.</summary>
    public string Group { get; set; } = "";

    /// <summary>The label as a number when <see cref="TableLabelKind.Number"/> is chosen; NaN for class labels.</summary>
    public float Value { get; set; } = float.NaN;

    /// <summary>The table file the row was read from (full path).</summary>
    public string File { get; set; } = "";

    /// <summary>The 1-based line of the table on which the row starts.</summary>
    public int Line { get; set; }
}
