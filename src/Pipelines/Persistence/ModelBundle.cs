using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Scoring;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Persistence;

/// <summary>
/// Saves and loads fitted chains that mix ML.NET stages and MsaMl stages as one zip: a manifest,
/// ML.NET segments saved with mlContext.Model.Save, MsaMl options and TorchSharp weights, each
/// entry checked by SHA-256 on load. ML.NET's own format cannot hold third-party transformers.
/// </summary>
public sealed class ModelBundle(MLContext context)
{
    private const string ManifestEntry = BundleLoader.ManifestEntry;
    internal static readonly JsonSerializerOptions Json = new(TransformFactory.Json);

    /// <summary>
    /// A thread-safe <see cref="Scoring.PredictionEnginePool{TSrc, TDst}"/> over <paramref name="model"/>
    /// (for example one returned by <see cref="Load(string, out DataViewSchema)"/>): one per app, shared by all request threads.
    /// </summary>
    public Scoring.PredictionEnginePool<TSrc, TDst> CreatePredictionEnginePool<TSrc, TDst>(ITransformer model)
        where TSrc : class
        where TDst : class, new() => new(context, model);

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (through a temporary file and a rename), embedding the user-given files its stages read.</summary>
    public void Save(ITransformer model, DataViewSchema inputSchema, string path) => Save(model, inputSchema, path, null);

    /// <summary>
    /// Writes <paramref name="model"/> to <paramref name="path"/> (through a temporary file and a rename).
    /// </summary>
    /// <param name="model">The fitted chain that scores: featurizers and model, without the training-time label mapping.</param>
    /// <param name="inputSchema">The columns scoring reads (for example those of <see cref="Datasets.MultimodalInput"/>); saved as the bundle's input schema.</param>
    /// <param name="path">The bundle (.zip).</param>
    /// <param name="options">How user-given files are stored; null for the defaults (embedded).</param>
    /// <exception cref="IOException"><paramref name="path"/> names a folder, device, pipe or socket, which is never replaced.</exception>
    public void Save(ITransformer model, DataViewSchema inputSchema, string path, BundleSaveOptions? options)
    {
        RegularFile.RequireReplaceable(path);
        var storage = (options ?? new BundleSaveOptions()).Files;
        var manifest = new BundleManifest
        {
            MsaMlVersion = VersionOf(typeof(ModelBundle)),
            MlNetVersion = VersionOf(typeof(MLContext)),
            TorchSharpVersion = VersionOf(typeof(TorchSharp.torch)),
            CreatedUtc = DateTime.UtcNow,
            InputSchema = BundleSchema.Describe(inputSchema),
        };
        var entries = new Dictionary<string, byte[]>();
        var files = new Dictionary<string, string>();
        var schema = inputSchema;
        var pending = new List<ITransformer>();
        var pendingSchema = schema;

        void FlushNative()
        {
            if (pending.Count == 0) return;
            string entry = $"stage{manifest.Stages.Count}.mlnet.zip";
            using var stream = new MemoryStream();
            context.Model.Save(new TransformerChain<ITransformer>(pending.ToArray()), pendingSchema, stream);
            entries[entry] = stream.ToArray();
            manifest.Stages.Add(new BundleStage { Kind = BundleStage.MlNetKind, FormatVersion = BundleStage.MlNetFormatVersion, Entry = entry });
            pending.Clear();
        }

        foreach (var stage in Flatten(model))
        {
            if (stage is IMsaTransformer msa)
            {
                FlushNative();
                var saved = new BundleStage { Kind = msa.Kind, FormatVersion = TransformFactory.FormatVersionOf(msa.Kind), Options = msa.SaveOptions() };
                foreach (var (name, bytes) in msa.SaveArtifacts())
                {
                    string entry = $"stage{manifest.Stages.Count}.{name}";
                    entries[entry] = bytes;
                    saved.Artifacts[name] = entry;
                }
                foreach (var (option, file) in msa.SaveFiles())
                {
                    if (!File.Exists(file))
                        throw new FileNotFoundException($"Model bundle: stage {manifest.Stages.Count} ('{msa.Kind}') reads {option} = {file}, which does not exist.", file);
                    string name = Path.GetFileName(file);
                    string? entry = storage == BundleFileStorage.Embed ? $"stage{manifest.Stages.Count}.files/{option}/{name}" : null;
                    // An embedded file is hashed while it is copied into the zip.
                    saved.Files[option] = new BundleFile(name, entry == null ? BundleFiles.Hash(file) : "", entry);
                    if (entry != null) files[entry] = file;
                    saved.Options![option] = name;
                }
                manifest.Stages.Add(saved);
                if (msa is TorchScoringTransformer scorer) manifest.LabelNames = scorer.ClassNames.ToList();
            }
            else
            {
                if (pending.Count == 0) pendingSchema = schema;
                pending.Add(stage);
            }
            schema = OutputSchema(stage, schema, inputSchema);
        }
        FlushNative();
        // The chain's own output names its classes (ML.NET's classifiers too); else the last TorchSharp classifier's.
        manifest.LabelNames = ClassNamesOf(schema)?.ToList() ?? manifest.LabelNames;
        foreach (var (name, bytes) in entries) manifest.Sha256[name] = Convert.ToHexString(SHA256.HashData(bytes));
        // A referenced file is found by its name alone, so two different files may not share one.
        var clash = manifest.Stages.SelectMany(s => s.Files.Values).Where(f => f.Entry == null).GroupBy(f => f.FileName)
            .FirstOrDefault(g => g.Select(f => f.Sha256).Distinct().Count() > 1);
        if (clash != null)
            throw new ArgumentException($"Model bundle: two different referenced files are named '{clash.Key}' (SHA-256 {string.Join(", ", clash.Select(f => f.Sha256).Distinct())}); rename one, or embed them (BundleSaveOptions.Files = Embed).", nameof(options));

        string temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var zip = ZipFile.Open(temp, ZipArchiveMode.Create))
            {
                foreach (var (name, bytes) in entries) Write(zip, name, bytes);
                foreach (var (entry, file) in files)
                {
                    string hash = WriteFile(zip, entry, file);
                    manifest.Sha256[entry] = hash;
                    foreach (var stage in manifest.Stages)
                        foreach (var (option, saved) in stage.Files.Where(f => f.Value.Entry == entry).ToList())
                            stage.Files[option] = saved with { Sha256 = hash };
                }
                // Last, once every embedded file's hash is known.
                var manifestBytes = JsonSerializer.SerializeToUtf8Bytes(manifest, Json);
                Write(zip, ManifestEntry, manifestBytes);
                zip.Comment = BundleManifestHash.Comment(manifestBytes);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>
    /// The class names a bundle's classifier predicts, in Score order (PredictedLabel key 1 is the first), read from
    /// its manifest; empty for a regression bundle. Predictions map back to names with them, and evaluating the
    /// bundle maps labels to keys in this order (<see cref="Datasets.LabelKeys"/>).
    /// </summary>
    public IReadOnlyList<string> ClassNames(string path, BundleLoadOptions? options = null) => ReadManifest(path, options).LabelNames;

    /// <summary>
    /// A bundle's manifest (format, versions it was saved with, input schema, class names, stages and their options),
    /// checked field by field and against its hash, without loading the model.
    /// </summary>
    /// <exception cref="InvalidDataException">The bundle is damaged, altered or of a newer format; the message starts with its path.</exception>
    public BundleManifest ReadManifest(string path, BundleLoadOptions? options = null)
    {
        var limits = BundleLoader.Check(options);
        using var zip = BundleLoader.Open(path);
        return new BundleLoader(context, path, limits).ReadManifest(zip);
    }

    /// <summary>Loads a bundle, verifying its format version and the SHA-256 of every entry, with the default <see cref="BundleLoadOptions"/>.</summary>
    public ITransformer Load(string path, out DataViewSchema inputSchema) => Load(path, out inputSchema, null);

    /// <summary>
    /// Loads a bundle, verifying its format version, its manifest, the SHA-256 of every entry and file, and that its class
    /// names are those its model predicts, within the limits of <paramref name="options"/>.
    /// </summary>
    /// <param name="path">The bundle (.zip).</param>
    /// <param name="inputSchema">The input columns the model was saved with (format 2 and later: the scoring columns only).</param>
    /// <param name="options">Limits on entry count and sizes, and where embedded and referenced files are; null for the defaults.</param>
    /// <exception cref="FileNotFoundException">The bundle, or a file it references, does not exist.</exception>
    /// <exception cref="InvalidDataException">The bundle is damaged, altered, of a newer format or beyond a limit; the message starts with its path.</exception>
    public ITransformer Load(string path, out DataViewSchema inputSchema, BundleLoadOptions? options)
    {
        var limits = BundleLoader.Check(options);
        using var zip = BundleLoader.Open(path);
        var loader = new BundleLoader(context, path, limits);
        var manifest = loader.ReadManifest(zip);
        string mlnet = VersionOf(typeof(MLContext));
        if (Major(manifest.MlNetVersion ?? "") != Major(mlnet))
            throw new InvalidDataException($"{path}: saved with ML.NET {manifest.MlNetVersion}; this process runs ML.NET {mlnet}.");
        return loader.Load(zip, manifest, out inputSchema);
    }

    internal static string[]? ClassNamesOf(DataViewSchema output)
    {
        var predicted = output.GetColumnOrNull("PredictedLabel");
        var score = output.GetColumnOrNull("Score");
        return (predicted is { Type: KeyDataViewType } ? ClassificationColumns.ReadTextAnnotation(predicted.Value, "KeyValues") : null)
            ?? (score is { Type: VectorDataViewType } ? ClassificationColumns.ReadTextAnnotation(score.Value, "SlotNames") : null);
    }

    // The chain must score from the input schema alone: a label mapping inside it would make every app carry the label column.
    private static DataViewSchema OutputSchema(ITransformer stage, DataViewSchema schema, DataViewSchema inputSchema)
    {
        try
        {
            return stage.GetOutputSchema(schema);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            throw new ArgumentException(
                $"Model bundle: the chain cannot score from the input schema ({string.Join(", ", inputSchema.Where(c => !c.IsHidden).Select(c => c.Name))}): {ex.Message} " +
                "The input schema lists the columns scoring reads; keep training-time stages (such as the label's MapValueToKey) out of the saved chain.", nameof(inputSchema), ex);
        }
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer model) =>
        model is IEnumerable<ITransformer> chain && model is not IMsaTransformer
            ? chain.SelectMany(Flatten)
            : new[] { model };

    private static void Write(ZipArchive zip, string name, byte[] bytes)
    {
        using var stream = zip.CreateEntry(name, CompressionLevel.Fastest).Open();
        stream.Write(bytes);
    }

    // Streamed (ONNX weights hardly compress); returns the file's SHA-256.
    private static string WriteFile(ZipArchive zip, string name, string file)
    {
        using var input = File.OpenRead(file);
        using var output = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
        return BundleFiles.CopyHashed(input, output)!;
    }

    private static string VersionOf(Type type) =>
        type.Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? type.Assembly.GetName().Version?.ToString() ?? "unknown";

    private static string Major(string version) => version.Split('.')[0];
}
