namespace MsaMl.Datasets;

/// <summary>The file format of a table read by <see cref="TableReader"/>.</summary>
public enum TableFormat
{
    /// <summary>
    /// By extension: <c>.csv</c> comma-separated, <c>.tsv</c>/<c>.tab</c> tab-separated,
    /// <c>.jsonl</c>/<c>.ndjson</c>/<c>.json</c> JSON Lines; any other extension by content (a first
    /// line starting with <c>{</c> is JSON Lines, one holding a tab is tab-separated, else comma-separated).
    /// </summary>
    Auto,

    /// <summary>Comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,

    /// <summary>Tab-separated values with a header row (the same quoting rules as CSV).</summary>
    Tsv,

    /// <summary>JSON Lines: one JSON object per line; its keys are the columns.</summary>
    JsonLines,
}
