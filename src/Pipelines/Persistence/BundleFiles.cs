using System.IO.Compression;
using System.Security.Cryptography;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// The user-given files of a bundle at load: an embedded file is streamed (within
/// <see cref="BundleLoadOptions.MaxEmbeddedFileBytes"/>) to a content-addressed folder (by default this process's
/// private <see cref="BundleFileFolder"/>), a referenced one is looked up by name; either must have the SHA-256 the
/// manifest lists, or loading fails naming the file and both hashes. Symbolic links where a file is written are refused.
/// </summary>
internal sealed class BundleFiles(ZipArchive zip, string bundlePath, BundleLoadOptions options)
{

    /// <summary>A local path of <paramref name="file"/> with the expected hash.</summary>
    public string Resolve(int stage, string kind, string option, BundleFile file)
    {
        string what = $"{bundlePath}: stage {stage} ('{kind}') {option} '{file.FileName}'";
        if (file.FileName.Length == 0 || Path.GetFileName(file.FileName) != file.FileName || file.FileName is "." or "..")
            throw new InvalidDataException($"{what}: not a plain file name; the bundle was altered.");
        if (file.Sha256.Length != 64 || !file.Sha256.All(Uri.IsHexDigit))
            throw new InvalidDataException($"{what}: '{file.Sha256}' is not a SHA-256; the bundle was altered.");
        return file.Entry == null ? Find(what, file) : Extract(what, file);
    }

    private string Extract(string what, BundleFile file)
    {
        string root = options.EmbeddedFileFolder ?? BundleFileFolder.OfThisProcess;
        string folder = Path.Combine(root, file.Sha256.ToLowerInvariant());
        string target = Path.Combine(folder, file.FileName);
        NoLink(what, root);
        NoLink(what, folder);
        NoLink(what, target);
        if (File.Exists(target) && Same(Hash(target), file.Sha256)) return target;

        var entry = zip.GetEntry(file.Entry!) ?? throw new InvalidDataException($"{what}: entry '{file.Entry}' listed in the manifest is missing.");
        long cap = options.MaxEmbeddedFileBytes;
        InvalidDataException TooLarge(long size) =>
            new($"{what}: entry '{file.Entry}' holds {size} bytes or more, more than the {cap} allowed (BundleLoadOptions.MaxEmbeddedFileBytes).");
        if (entry.Length > cap) throw TooLarge(entry.Length);

        Directory.CreateDirectory(folder);
        NoLink(what, folder);
        string temp = $"{target}.{Guid.NewGuid():N}.tmp";
        try
        {
            string? found;
            try
            {
                using var input = entry.Open();
                // CreateNew fails on anything already there, a planted link included, instead of writing through it.
                using var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                found = CopyHashed(input, output, cap);
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{what}: entry '{file.Entry}' cannot be read (truncated or corrupt): {ex.Message}", ex);
            }
            // The declared size can lie, so the copy itself stops at the cap too.
            if (found == null) throw TooLarge(cap + 1);
            if (!Same(found, file.Sha256))
                throw new InvalidDataException($"{what}: the embedded file has SHA-256 {found}, the manifest expects {file.Sha256}; the bundle is corrupt or was altered.");
            try
            {
                File.Move(temp, target, overwrite: true);   // over a damaged copy too
            }
            catch (IOException) when (File.Exists(target) && Same(Hash(target), file.Sha256))
            {
                // Another load wrote the same file first and has it open.
            }
            return target;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Refuses a symbolic link (or junction) at <paramref name="path"/>: a file is never written through one.</summary>
    private static void NoLink(string what, string path)
    {
        if (new FileInfo(path).LinkTarget != null)
            throw new InvalidDataException($"{what}: {path} is a symbolic link; embedded files are written only into real folders (BundleLoadOptions.EmbeddedFileFolder).");
    }

    private string Find(string what, BundleFile file)
    {
        var folders = options.ReferencedFileFolders.Append(Path.GetDirectoryName(Path.GetFullPath(bundlePath))!).ToList();
        var mismatches = new List<string>();
        foreach (var folder in folders)
        {
            string candidate = Path.Combine(folder, file.FileName);
            if (!File.Exists(candidate)) continue;
            string found = Hash(candidate);
            if (Same(found, file.Sha256)) return candidate;
            mismatches.Add($"{candidate} has SHA-256 {found}");
        }
        if (mismatches.Count > 0)
            throw new InvalidDataException($"{what}: expected SHA-256 {file.Sha256}, but {string.Join("; ", mismatches)}. Put the file the model was trained with in one of: {string.Join(", ", folders)}.");
        throw new FileNotFoundException(
            $"{what}: expected SHA-256 {file.Sha256}, found none: no such file in {string.Join(", ", folders)} (BundleLoadOptions.ReferencedFileFolders, then the bundle's folder).",
            file.FileName);
    }

    /// <summary>The SHA-256 (upper-case hex) of a file, read as a stream.</summary>
    public static string Hash(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }

    /// <summary>Copies <paramref name="input"/> to <paramref name="output"/> and returns its SHA-256 (upper-case hex), or null, having stopped, when it holds more than <paramref name="cap"/> bytes.</summary>
    public static string? CopyHashed(Stream input, Stream output, long cap = long.MaxValue)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];   // below the large-object heap: a file of any size costs this buffer only
        long total = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            total += read;
            if (total > cap) return null;
            hash.AppendData(buffer, 0, read);
            output.Write(buffer, 0, read);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
