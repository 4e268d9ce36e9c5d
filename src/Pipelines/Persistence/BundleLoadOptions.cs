namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Limits on what <see cref="ModelBundle"/>'s <c>Load</c> reads, so that a hostile or broken zip cannot exhaust memory. Exceeding one is an
/// <see cref="System.IO.InvalidDataException"/> naming the bundle, the entry and the limit.
/// </summary>
public sealed class BundleLoadOptions
{
    /// <summary>The most entries a bundle may hold, the manifest included (default 1,000).</summary>
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>The most bytes one entry may hold once decompressed (default 2 GiB less one byte, the most a byte array holds).</summary>
    public long MaxEntryBytes { get; set; } = int.MaxValue - 1L;
}
