using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Experiments.Models;
using MsaMl.Transforms.Core;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// Resolves a partial configuration (a file or a result file, then flags, then <c>--set</c>
/// assignments, merged into one overlay) to a complete, checked <see cref="ExperimentConfig"/>:
/// the overlay's <c>preset</c> (default <c>fast</c>), <c>dataset.name</c> and <c>model.name</c>
/// pick the defaults; the overlay's keys replace them.
/// </summary>
public static class ExperimentConfigResolver
{
    /// <summary>Reads a configuration file (comments allowed), or the <c>configuration</c> of a result file, as an overlay.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">It is a folder, device or pipe, or not a JSON object.</exception>
    public static JsonObject ReadFile(string path)
    {
        RegularFile.RequireReadable(Path.GetFullPath(path), "config file");
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"config file {path}: not valid JSON ({ex.Message})", ex);
        }
        if (node is not JsonObject root) throw new InvalidDataException($"config file {path}: expected a JSON object.");
        if (root["formatVersion"] is not null && root["configuration"] is JsonObject stored) return stored.DeepClone().AsObject();
        if (root["formatVersion"] is not null) throw new InvalidDataException($"config file {path}: a result file without a 'configuration' (written before configurations were stored).");
        return root;
    }

    /// <summary>The complete configuration an overlay gives.</summary>
    /// <exception cref="ExperimentConfigException">A key is unknown, or a value has the wrong type or is impossible.</exception>
    public static ExperimentConfig Resolve(JsonObject overlay)
    {
        string preset = Text(overlay, "preset") ?? ExperimentPresets.Fast;
        string dataset = Text(overlay, "dataset.name") ?? throw new ExperimentConfigException("dataset.name", "nothing", "a dataset is required (--dataset or dataset.name)");
        string? model = Text(overlay, "model.name");
        string? map = Text(overlay, "dataset.map");
        string? root = Text(overlay, "dataset.root");
        if (!ExperimentPresets.Names.Contains(preset)) throw new ExperimentConfigException("preset", $"\"{preset}\"", $"expected one of: {string.Join(", ", ExperimentPresets.Names)}");
        var datasets = DatasetLoader.Names.Append("demo").ToList();
        if (!datasets.Contains(dataset, StringComparer.OrdinalIgnoreCase))
            throw new ArgumentException($"Unknown dataset '{dataset}' (dataset.name); expected one of: {string.Join(", ", datasets)}.");
        var declared = DatasetLoader.ModalitiesOf(dataset, map, root);
        if (model is not null) TaskModels.Parse(model, declared);
        TaskType? task = null;
        if (Text(overlay, "dataset.task") is { } taskName)
            task = Enum.TryParse<TaskType>(taskName, ignoreCase: true, out var parsed) ? parsed
                : throw new ExperimentConfigException("dataset.task", $"\"{taskName}\"", $"expected one of: {string.Join(", ", Enum.GetNames<TaskType>())}");
        var complete = ExperimentPresets.Defaults(preset, dataset, model, map, presetModel: !ConfigOverlay.SetsNull(overlay, "model.pooled"), task, root);
        ConfigOverlay.Merge(complete, overlay);
        PushToMembers(complete);
        return ExperimentConfigJson.FromJson(complete);
    }

    /// <summary>
    /// Late fusion has no trainer options of its own: training keys set on it (<c>--epochs</c>,
    /// <c>--memory-budget</c>, <c>--set model.learningRate=…</c>) apply to each TorchSharp member.
    /// </summary>
    private static void PushToMembers(JsonObject config)
    {
        if (config["model"] is not JsonObject model || model["members"] is not JsonArray members) return;
        var own = model.Where(p => p.Key is not ("name" or "modalities" or "members")).ToList();
        foreach (var (key, value) in own)
        {
            model.Remove(key);
            foreach (var member in members.OfType<JsonObject>().Where(m => m["pooled"] is null))
                member[key] = value?.DeepClone();
        }
    }

    private static string? Text(JsonObject overlay, string path) =>
        ConfigOverlay.Get(overlay, path) is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
