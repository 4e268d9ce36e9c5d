using System.Security.Cryptography;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// The manifest's own SHA-256, kept in the zip's comment (the manifest lists the hashes of the other entries,
/// so it cannot list its own; readers of earlier versions ignore the comment). It catches a damaged or hand-edited
/// manifest (class names reordered, options changed); like every unkeyed hash, not someone who rewrites it too.
/// A bundle saved before it was written has no such comment and is read without the check.
/// </summary>
internal static class BundleManifestHash
{
    private const string Prefix = "msaml-manifest-sha256:";

    public static string Comment(byte[] manifest) => Prefix + Convert.ToHexString(SHA256.HashData(manifest));

    public static void Verify(string? comment, byte[] manifest, string path)
    {
        if (comment is null || !comment.StartsWith(Prefix, StringComparison.Ordinal)) return;
        string expected = comment[Prefix.Length..].Trim();
        string found = Convert.ToHexString(SHA256.HashData(manifest));
        if (!string.Equals(expected, found, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException(
                $"{path}: manifest.json has SHA-256 {found}, the bundle recorded {expected}; the manifest was altered or damaged.");
    }
}
