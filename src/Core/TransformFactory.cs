using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Re-creates MsaMl transformers from their kind and saved options (the model bundle stores
/// pipelines this way), with the loaders that assemblies declare by <see cref="SavedStageAttribute"/>.
/// </summary>
public static class TransformFactory
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly IReadOnlyDictionary<string, byte[]> NoArtifacts = new Dictionary<string, byte[]>();

    /// <summary>Re-creates a saved stage of <paramref name="kind"/> from options alone.</summary>
    public static ITransformer Create(string kind, JsonNode options) => Create(kind, options, NoArtifacts);

    /// <summary>Re-creates a saved stage of <paramref name="kind"/> from its options and artifacts, with the loader its assembly declares.</summary>
    public static ITransformer Create(string kind, JsonNode options, IReadOnlyDictionary<string, byte[]> artifacts) =>
        SavedStageCatalog.Loader(kind).Load(options, artifacts);

    /// <summary>The newest format version of <paramref name="kind"/> this process reads.</summary>
    public static int FormatVersionOf(string kind) => SavedStageCatalog.Loader(kind).FormatVersion;

    public static JsonNode ToJson<TOptions>(TOptions options) => JsonSerializer.SerializeToNode(options, Json)!;

    /// <summary>Deep copy through JSON, so transformers never share a caller's mutable options.</summary>
    public static TOptions Clone<TOptions>(TOptions options) =>
        JsonSerializer.Deserialize<TOptions>(JsonSerializer.Serialize(options, Json), Json)!;
}
