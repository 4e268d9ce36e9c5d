namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Limits on what <see cref="ModelBundle"/>'s <c>Load</c> reads, so that a hostile or broken zip cannot exhaust memory or disk, and
/// where it finds the user-given files a bundle embeds or references. Exceeding a limit is an
/// <see cref="System.IO.InvalidDataException"/> naming the bundle, the entry and the limit.
/// </summary>
public sealed class BundleLoadOptions
{
    /// <summary>The default of <see cref="MaxEmbeddedFileBytes"/>: 4 GiB.</summary>
    public const long DefaultMaxEmbeddedFileBytes = 4L << 30;

    /// <summary>The most entries a bundle may hold, the manifest included (default 1,000).</summary>
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>The default of <see cref="MaxEntryBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxEntryBytes = 1L << 30;

    /// <summary>The default of <see cref="MaxTotalBytes"/>: 6 GiB.</summary>
    public const long DefaultMaxTotalBytes = 6L << 30;

    /// <summary>
    /// The most bytes one entry read into memory (manifest, ML.NET stages, network weights) may hold once decompressed
    /// (default 1 GiB, <see cref="DefaultMaxEntryBytes"/>: the weights of the largest MsaMl network take a few hundred MB).
    /// Embedded files have their own limit, <see cref="MaxEmbeddedFileBytes"/>.
    /// </summary>
    public long MaxEntryBytes { get; set; } = DefaultMaxEntryBytes;

    /// <summary>The default of <see cref="MaxInMemoryBytes"/>: 2 GiB.</summary>
    public const long DefaultMaxInMemoryBytes = 2L << 30;

    /// <summary>
    /// The most bytes the entries read into memory (ML.NET stages, network weights; not embedded files) may hold
    /// together once decompressed, as the zip's directory declares them, checked before they are read (default 2 GiB,
    /// <see cref="DefaultMaxInMemoryBytes"/>).
    /// </summary>
    public long MaxInMemoryBytes { get; set; } = DefaultMaxInMemoryBytes;

    /// <summary>
    /// The most bytes all entries together (embedded files included) may hold once decompressed, as the zip's
    /// directory declares them, checked before any entry is read (default 6 GiB, <see cref="DefaultMaxTotalBytes"/>:
    /// a bert-large encoder, its vocabulary and the network's weights fit). Each entry is also stopped at its own
    /// limit while it is read, in case the directory lies.
    /// </summary>
    public long MaxTotalBytes { get; set; } = DefaultMaxTotalBytes;

    /// <summary>
    /// The most bytes one embedded file (a user-given encoder ONNX or vocabulary) may hold once decompressed. Such files
    /// are streamed to <see cref="EmbeddedFileFolder"/>, never held in memory. The default, 4 GiB
    /// (<see cref="DefaultMaxEmbeddedFileBytes"/>), admits bert-base (about 420 MB) and bert-large (about 1.3 GB);
    /// lower it to refuse larger files.
    /// </summary>
    public long MaxEmbeddedFileBytes { get; set; } = DefaultMaxEmbeddedFileBytes;

    /// <summary>
    /// Where embedded files are written, each as <c>&lt;folder&gt;/&lt;sha256&gt;/&lt;file name&gt;</c> (a copy whose hash
    /// matches is reused, not written again; symbolic links there are refused, never followed). Null (the default):
    /// a folder of this process only, created under the temporary folder with owner-only permissions (0700) and
    /// deleted when the process exits; the folders of processes that were killed are deleted by the next load.
    /// Deleting a folder given here is safe: the next load writes the files again.
    /// </summary>
    public string? EmbeddedFileFolder { get; set; }

    /// <summary>
    /// Folders searched, in order and before the bundle's own folder, for the files a bundle references by name and
    /// SHA-256 (saved with <see cref="BundleFileStorage.Reference"/>).
    /// </summary>
    public List<string> ReferencedFileFolders { get; set; } = new();
}
