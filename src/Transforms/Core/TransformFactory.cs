using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.ML;

namespace MsaMl.Transforms.Core;

/// <summary>
/// Re-creates MsaMl transformers from their kind and saved
/// options (the model bundle stores pipelines this way).
/// </summary>
public static class TransformFactory
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    private static readonly ConcurrentDictionary<string, Func<JsonNode, IReadOnlyDictionary<string, byte[]>, ITransformer>> Factories = new();
    private static readonly IReadOnlyDictionary<string, byte[]> NoArtifacts = new Dictionary<string, byte[]>();

    static TransformFactory()
    {
        Register<Audio.LogSpectrogramOptions>(Audio.LogSpectrogramTransformer.KindName, o => new Audio.LogSpectrogramTransformer(o));
        Register<Text.BertEmbeddingOptions>(Text.BertEmbeddingTransformer.KindName, o => new Text.BertEmbeddingTransformer(o));
        Register<Image.ImageTensorOptions>(Image.ImageTensorTransformer.KindName, o => new Image.ImageTensorTransformer(o));
        Register<Image.PretrainedImageFeaturesOptions>(Image.PretrainedImageFeaturesTransformer.KindName, o => new Image.PretrainedImageFeaturesTransformer(o));
    }

    /// <summary>Registers a transform kind so that <see cref="Create(string, System.Text.Json.Nodes.JsonNode)"/> can re-create it.</summary>
    public static void Register<TOptions>(string kind, Func<TOptions, ITransformer> create) =>
        Factories[kind] = (node, _) => create(node.Deserialize<TOptions>(Json)
            ?? throw new InvalidDataException($"Options of transform '{kind}' are empty."));

    /// <summary>Registers a transform kind that also needs binary artifacts (weights) to be re-created.</summary>
    public static void Register(string kind, Func<JsonNode, IReadOnlyDictionary<string, byte[]>, ITransformer> create) =>
        Factories[kind] = create;

    public static ITransformer Create(string kind, JsonNode options) => Create(kind, options, NoArtifacts);

    public static ITransformer Create(string kind, JsonNode options, IReadOnlyDictionary<string, byte[]> artifacts) =>
        Factories.TryGetValue(kind, out var factory)
            ? factory(options, artifacts)
            : throw new InvalidDataException($"Unknown transform kind '{kind}'; known kinds: {string.Join(", ", Factories.Keys.Order())}.");

    public static JsonNode ToJson<TOptions>(TOptions options) => JsonSerializer.SerializeToNode(options, Json)!;

    /// <summary>Deep copy through JSON, so transformers never share a caller's mutable options.</summary>
    public static TOptions Clone<TOptions>(TOptions options) =>
        JsonSerializer.Deserialize<TOptions>(JsonSerializer.Serialize(options, Json), Json)!;
}
