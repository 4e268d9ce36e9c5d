namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// A user-given file of a stage: its name, its SHA-256 (hex), and the zip entry that embeds it, or null when the
/// bundle references it (looked up by name at load).
/// </summary>
public sealed record BundleFile(string FileName, string Sha256, string? Entry);
