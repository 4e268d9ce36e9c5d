namespace MsaMl.Datasets;

/// <summary>How <see cref="TableReader"/> reads the label column.</summary>
public enum TableLabelKind
{
    /// <summary>A class name (any text, trimmed) for classification.</summary>
    Class,

    /// <summary>
    /// A number for regression (invariant culture, e.g. <c>-1.5</c>), stored in
    /// <see cref="TableRecord.Value"/>; <see cref="MultimodalRecord.Label"/> holds it as invariant text.
    /// </summary>
    Number,
}
