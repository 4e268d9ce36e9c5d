namespace MsaMl.Pipelines.Persistence;

/// <summary>How <see cref="ModelBundle"/>'s <c>Save</c> stores the user-given files a chain reads (see <see cref="BundleSaveOptions.Files"/>).</summary>
public enum BundleFileStorage
{
    /// <summary>Each file is copied into the bundle (streamed, uncompressed), so the bundle is self-contained.</summary>
    Embed,

    /// <summary>
    /// Only each file's name and SHA-256 are stored; at load the file is looked up by name in
    /// <see cref="BundleLoadOptions.ReferencedFileFolders"/> and the bundle's own folder, and must have that hash.
    /// </summary>
    Reference,
}
