namespace MsaMl.Transforms.Image;

/// <summary>What an image transform does with a file it cannot read (missing, empty, truncated, corrupt, unsupported format).</summary>
public enum UnreadableImagePolicy
{
    /// <summary>Throw <see cref="Core.MsaInputException"/> naming the column, row and file.</summary>
    Throw,

    /// <summary>
    /// Treat the image as missing (all-zero features, as for an empty path) and record a warning
    /// naming the row and file in the transformer's <c>Warnings</c>.
    /// </summary>
    MissingModality,
}
