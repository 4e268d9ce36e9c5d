using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Reads a bundle within <see cref="BundleLoadOptions"/>: the zip's directory first (entry count, total size), then
/// the manifest (its hash, its structure), then only the entries the stages use, each against its hash, then the
/// stages. Every way a bundle can be damaged or altered is an <see cref="InvalidDataException"/> whose message
/// starts with the bundle's path and says what was expected.
/// </summary>
internal sealed class BundleLoader(MLContext context, string path, BundleLoadOptions limits)
{
    public const string ManifestEntry = "manifest.json";

    public static BundleLoadOptions Check(BundleLoadOptions? options)
    {
        var limits = options ?? new BundleLoadOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxEntries, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxEntryBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxTotalBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxInMemoryBytes, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limits.MaxEmbeddedFileBytes, nameof(options));
        ArgumentNullException.ThrowIfNull(limits.ReferencedFileFolders, nameof(options));
        return limits;
    }

    public static ZipArchive Open(string path)
    {
        RegularFile.RequireReadable(path, "model bundle");
        try
        {
            return ZipFile.OpenRead(path);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path} is not a readable model bundle (truncated or not a zip file): {ex.Message}", ex);
        }
    }

    public BundleManifest ReadManifest(ZipArchive zip)
    {
        if (zip.Entries.Count > limits.MaxEntries)
            throw new InvalidDataException($"{path}: {zip.Entries.Count} entries, more than the {limits.MaxEntries} allowed (BundleLoadOptions.MaxEntries).");
        long total = zip.Entries.Sum(e => e.Length);
        if (total > limits.MaxTotalBytes)
            throw new InvalidDataException($"{path}: its entries declare {total} bytes in all, more than the {limits.MaxTotalBytes} allowed (BundleLoadOptions.MaxTotalBytes).");

        var bytes = ReadEntry(zip, ManifestEntry);
        BundleManifestHash.Verify(zip.Comment, bytes, path);
        BundleManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(bytes, ModelBundle.Json);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{path}: manifest.json is not a bundle manifest ({ex.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim()} at {ex.Path ?? "$"}); expected the JSON object MsaMl writes.", ex);
        }
        if (manifest is null) throw new InvalidDataException($"{path}: empty manifest.");
        if (manifest.FormatVersion > BundleManifest.CurrentFormatVersion || manifest.FormatVersion < 1)
            throw new InvalidDataException($"{path}: bundle format version {manifest.FormatVersion}; this MsaMl reads versions 1 to {BundleManifest.CurrentFormatVersion}.");
        BundleManifestChecks.Check(manifest, path);
        return manifest;
    }

    public ITransformer Load(ZipArchive zip, BundleManifest manifest, out DataViewSchema inputSchema)
    {
        var used = BundleManifestChecks.UsedEntries(manifest);
        foreach (var entry in zip.Entries.Where(e => e.FullName != ManifestEntry))
        {
            if (!manifest.Sha256.ContainsKey(entry.FullName))
                throw new InvalidDataException($"{path}: entry '{entry.FullName}' is not listed in the manifest; the bundle was altered.");
            if (!used.Contains(entry.FullName))
                throw new InvalidDataException($"{path}: entry '{entry.FullName}' is used by no stage; the bundle was altered.");
        }
        foreach (var listed in manifest.Sha256.Keys.Where(k => zip.GetEntry(k) == null))
            throw new InvalidDataException($"{path}: entry '{listed}' listed in the manifest is missing.");

        // Embedded files are verified as they are streamed to disk, never read into memory.
        var fileEntries = manifest.Stages.SelectMany(s => s.Files.Values).Select(f => f.Entry).OfType<string>().ToHashSet();
        var inMemory = used.Where(e => !fileEntries.Contains(e)).ToList();
        long inMemoryBytes = inMemory.Sum(e => zip.GetEntry(e)!.Length);
        if (inMemoryBytes > limits.MaxInMemoryBytes)
            throw new InvalidDataException(
                $"{path}: the entries read into memory ({string.Join(", ", inMemory)}) declare {inMemoryBytes} bytes, more than the {limits.MaxInMemoryBytes} allowed (BundleLoadOptions.MaxInMemoryBytes).");
        var verified = new Dictionary<string, byte[]>();
        foreach (string name in inMemory)
        {
            var bytes = ReadEntry(zip, name);
            if (!string.Equals(Convert.ToHexString(SHA256.HashData(bytes)), manifest.Sha256[name], StringComparison.OrdinalIgnoreCase))
                throw new InvalidDataException($"{path}: SHA-256 of entry '{name}' does not match the manifest; the bundle is corrupt or was altered.");
            verified[name] = bytes;
        }

        var files = new BundleFiles(zip, path, limits);
        var stages = manifest.Stages.Select((stage, index) => CreateStage(stage, index, verified, files)).ToArray();
        inputSchema = BundleSchema.Build(manifest.InputSchema, path);
        var chain = new TransformerChain<ITransformer>(stages);
        CheckClassNames(chain, inputSchema, manifest.LabelNames);
        return chain;
    }

    private ITransformer CreateStage(BundleStage stage, int index, Dictionary<string, byte[]> verified, BundleFiles files)
    {
        string what = $"{path}: stage {index} ('{stage.Kind}')";
        try
        {
            StageAssemblies.EnsureLoaded();
            int readable = stage.Kind == BundleStage.MlNetKind ? BundleStage.MlNetFormatVersion : TransformFactory.FormatVersionOf(stage.Kind);
            if (stage.FormatVersion > readable || stage.FormatVersion < 1)
                throw new InvalidDataException($"{what} has format version {stage.FormatVersion}; this MsaMl reads '{stage.Kind}' versions 1 to {readable}.");
            if (stage.Kind == BundleStage.MlNetKind) return context.Model.Load(new MemoryStream(verified[stage.Entry!]), out _);
            var options = stage.Options as System.Text.Json.Nodes.JsonObject ?? throw new InvalidDataException("has no options (expected a JSON object)");
            if (stage.Files.Count > 0)
            {
                options = options.DeepClone().AsObject();
                foreach (var (option, file) in stage.Files) options[option] = files.Resolve(index, stage.Kind, option, file);
            }
            return TransformFactory.Create(stage.Kind, options, stage.Artifacts.ToDictionary(a => a.Key, a => verified[a.Value]));
        }
        catch (Exception ex) when (IsBadStage(ex) && !ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{what}: {Unwrap(ex).Message}", ex);
        }
    }

    // What a stage's loader throws on options or weights that do not fit (a missing file keeps its own exception).
    private static bool IsBadStage(Exception ex) => ex is not (FileNotFoundException or DirectoryNotFoundException)
        && ex is JsonException or ArgumentException or InvalidDataException or FormatException or OverflowException
            or KeyNotFoundException or InvalidOperationException or NotSupportedException or IOException or ExternalException
            or IndexOutOfRangeException or InvalidCastException;

    private static Exception Unwrap(Exception ex) => ex is JsonException json
        ? new InvalidDataException($"its options are not what it reads ({json.Message.Split(" Path:")[0].Split(" LineNumber:")[0].Trim()} at {json.Path ?? "$"})")
        : ex;

    /// <summary>The manifest's class names must be those the chain's output names, in the same order (the CLI and apps map scores with them).</summary>
    private void CheckClassNames(ITransformer chain, DataViewSchema inputSchema, List<string> listed)
    {
        DataViewSchema output;
        try
        {
            output = chain.GetOutputSchema(inputSchema);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"{path}: the stages do not fit together or the input columns: {ex.Message}", ex);
        }
        var actual = ModelBundle.ClassNamesOf(output);
        if (actual == null || listed.Count == 0) return;
        if (actual.Length != listed.Count)
            throw new InvalidDataException(
                $"{path}: the manifest lists {listed.Count} class names ({string.Join(", ", listed)}), the model predicts {actual.Length} ({string.Join(", ", actual)}); the bundle was altered.");
        if (!actual.SequenceEqual(listed, StringComparer.Ordinal))
            throw new InvalidDataException(
                $"{path}: the manifest lists the classes as {string.Join(", ", listed)}, the model as {string.Join(", ", actual)}; expected the same names in the same order; the bundle was altered.");
    }

    // The declared size can lie, so the copy itself stops at the cap too.
    public byte[] ReadEntry(ZipArchive zip, string name)
    {
        long maxBytes = limits.MaxEntryBytes;
        var entry = zip.GetEntry(name) ?? throw new InvalidDataException($"{path}: entry '{name}' is missing.");
        InvalidDataException TooLarge(long size) =>
            new($"{path}: entry '{name}' holds {size} bytes or more, more than the {maxBytes} allowed (BundleLoadOptions.MaxEntryBytes).");
        if (entry.Length > maxBytes) throw TooLarge(entry.Length);
        try
        {
            using var stream = entry.Open();
            // The declared size is allocated at once (within the cap) and must be exactly what the entry holds.
            var bytes = new byte[entry.Length];
            int read = 0, n;
            while (read < bytes.Length && (n = stream.Read(bytes, read, bytes.Length - read)) > 0) read += n;
            if (read < bytes.Length)
                throw new InvalidDataException($"holds {read} bytes, its directory entry declares {entry.Length}");
            Span<byte> probe = stackalloc byte[1];
            if (stream.Read(probe) > 0)
                throw entry.Length >= maxBytes ? TooLarge(maxBytes + 1)
                    : new InvalidDataException($"holds more bytes than its directory entry declares ({entry.Length})");
            return bytes;
        }
        catch (InvalidDataException ex) when (!ex.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: entry '{name}' cannot be read (truncated or corrupt): {ex.Message}", ex);
        }
    }
}
