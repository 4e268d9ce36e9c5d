namespace MsaMl.Datasets;

/// <summary>The split names every reader writes into <see cref="MultimodalRecord.Split"/>.</summary>
public static class SplitNames
{
    public const string Train = "train";
    public const string Validation = "validation";
    public const string Test = "test";

    /// <summary>
    /// Maps a dataset's own split name (<c>train</c>, <c>val</c>, <c>valid</c>, <c>validation</c>,
    /// <c>dev</c>, <c>test</c>; any case) to <see cref="Train"/>, <see cref="Validation"/> or
    /// <see cref="Test"/>; null when the name is none of these.
    /// </summary>
    public static string? Normalize(string datasetSplit) => datasetSplit.Trim().ToLowerInvariant() switch
    {
        "train" => Train,
        "val" or "valid" or "validation" or "dev" => Validation,
        "test" => Test,
        _ => null,
    };
}
