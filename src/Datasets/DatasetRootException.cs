namespace MsaMl.Datasets;

/// <summary>
/// The folder (or file) given to a reader is missing or does not hold what the dataset keeps there.
/// The message names the folder and says what was expected in it.
/// </summary>
public sealed class DatasetRootException : Exception
{
    public DatasetRootException(string folder, string expected)
        : base($"{folder}: {expected}")
    {
        Folder = folder;
        Expected = expected;
    }

    /// <summary>The absolute path that was looked at.</summary>
    public string Folder { get; }

    /// <summary>What the reader expected to find there.</summary>
    public string Expected { get; }
}
