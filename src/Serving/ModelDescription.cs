using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace MsaMl.Serving;

/// <summary>
/// The answer to <c>GET /model</c>: the task, class names, the modalities the model reads, its stages with their
/// options, the versions it was saved with and is served with, and the service's limits.
/// </summary>
public sealed record ModelDescription(
    [property: JsonPropertyName("bundle")] string Bundle,
    [property: JsonPropertyName("task")] string Task,
    [property: JsonPropertyName("classes")] IReadOnlyList<string> Classes,
    [property: JsonPropertyName("modalities")] IReadOnlyList<string> Modalities,
    [property: JsonPropertyName("stages")] IReadOnlyList<JsonObject> Stages,
    [property: JsonPropertyName("versions")] IReadOnlyDictionary<string, string> Versions,
    [property: JsonPropertyName("limits")] IReadOnlyDictionary<string, double> Limits)
{
    /// <summary>The description of <paramref name="model"/> served under <paramref name="options"/>.</summary>
    public static ModelDescription Of(ServedModel model, MsaServingOptions options)
    {
        var manifest = model.Manifest;
        var stages = manifest.Stages.Select(s => new JsonObject
        {
            ["kind"] = s.Kind,
            ["options"] = Summary(s.Options),
        }).ToList();
        var versions = new Dictionary<string, string>
        {
            ["bundleFormat"] = manifest.FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["savedWithMsaMl"] = manifest.MsaMlVersion,
            ["savedWithMlNet"] = manifest.MlNetVersion,
            ["savedWithTorchSharp"] = manifest.TorchSharpVersion,
            ["savedUtc"] = manifest.CreatedUtc.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ["servedWithMsaMl"] = VersionOf(typeof(ServedModel).Assembly),
            ["servedWithMlNet"] = VersionOf(typeof(Microsoft.ML.MLContext).Assembly),
            ["dotnet"] = Environment.Version.ToString(),
        };
        var limits = new Dictionary<string, double>
        {
            ["maxRequestBytes"] = options.MaxRequestBytes,
            ["maxTextChars"] = options.MaxTextChars,
            ["maxBatchRows"] = options.MaxBatchRows,
            ["maxAudioSeconds"] = options.Audio.MaxDurationSeconds,
            ["maxImagePixels"] = options.Image.MaxPixels,
            ["requestTimeoutSeconds"] = options.RequestTimeout.TotalSeconds,
            ["maxConcurrentRequests"] = options.MaxConcurrentRequests,
        };
        return new ModelDescription(Path.GetFileName(model.Path), model.IsRegression ? "regression" : "classification", model.Classes,
            model.Reads.Members().Select(m => m.ToString().ToLowerInvariant()).ToArray(), stages, versions, limits);
    }

    /// <summary>The stage's options with long arrays (statistics, weights) shown as their length only.</summary>
    private static JsonNode? Summary(JsonNode? node) => node switch
    {
        JsonArray { Count: > 8 } array => JsonValue.Create($"[{array.Count} values]"),
        JsonArray array => new JsonArray(array.Select(Summary).ToArray()),
        JsonObject obj => new JsonObject(obj.Select(p => KeyValuePair.Create(p.Key, Summary(p.Value)))),
        _ => node?.DeepClone(),
    };

    private static string VersionOf(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "";
}
