using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MsaMl.Datasets.Speech;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The JSON form of <see cref="ExperimentConfig"/>: camel-case keys (the option property names),
/// enums by name, comments allowed, unknown keys refused. Properties the pipeline wires itself
/// (column names, the trainer's seed and modalities, the reader's root folder) are not keys.
/// </summary>
public static class ExperimentConfigJson
{
    /// <summary>The serializer settings of configuration files.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideWiredProperties } },
    };

    private static readonly HashSet<(Type, string)> Wired = new()
    {
        (typeof(TorchTrainerOptions), nameof(TorchTrainerOptions.Seed)),
        (typeof(AatOptions), nameof(AatOptions.Modalities)),
        (typeof(OteOptions), nameof(OteOptions.Modalities)),
        (typeof(FusionHeadOptions), nameof(FusionHeadOptions.Head)),
        (typeof(FusionHeadOptions), nameof(FusionHeadOptions.FirstModality)),
        (typeof(IemocapOptions), nameof(IemocapOptions.RootFolder)),
    };

    private static void HideWiredProperties(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.Namespace?.StartsWith("MsaMl.", StringComparison.Ordinal) != true) return;
        for (int i = info.Properties.Count - 1; i >= 0; i--)
        {
            var member = info.Properties[i].AttributeProvider as PropertyInfo;
            if (member is null) continue;
            if (member.Name.EndsWith("ColumnName", StringComparison.Ordinal) || Wired.Contains((member.DeclaringType!, member.Name)))
                info.Properties.RemoveAt(i);
        }
    }

    /// <summary>The trainer options type the model name selects for a kind of task; null for early fusion.</summary>
    public static Type? OptionsType(ModelChoice choice, TaskKind kind) => choice switch
    {
        ModelChoice.Early => null,
        ModelChoice.TensorFusion or ModelChoice.Attention => typeof(FusionHeadOptions),
        _ => kind == TaskKind.Speech ? typeof(AatOptions) : typeof(OteOptions),
    };

    /// <summary>The complete configuration as a JSON object (the model's options flattened into <c>model</c>).</summary>
    public static JsonObject ToJson(ExperimentConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        var model = new JsonObject { ["name"] = config.Model.Name };
        if (config.Model.Pooled is { } pooled) model["pooled"] = JsonSerializer.SerializeToNode(pooled, Options);
        if (config.Model.Options is { } options)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(options, options.GetType(), Options)!.AsObject())
                model[key] = value?.DeepClone();
        // Keep the sections in reading order: dataset, featurizers, model, training, evaluation.
        var ordered = new JsonObject();
        foreach (var (key, value) in root)
        {
            if (key == "training") ordered["model"] = model;
            ordered[key] = value?.DeepClone();
        }
        return ordered;
    }

    /// <summary>The model names of a kind of task that can be pooled-feature models.</summary>
    private static IEnumerable<string> PooledNames(TaskKind kind) =>
        TaskModels.Names(kind).Where(n => TaskModels.Parse(n, kind) is ModelChoice.First or ModelChoice.Text or ModelChoice.Early);

    /// <summary>The configuration as indented JSON text.</summary>
    public static string Write(ExperimentConfig config) => ToJson(config).ToJsonString(Options);

    /// <summary>Reads a complete configuration object, checking every key (<see cref="ConfigSchema"/>) and value (<see cref="ExperimentConfigValidation"/>).</summary>
    /// <exception cref="ExperimentConfigException">A key is unknown, or its value has the wrong type or is impossible.</exception>
    public static ExperimentConfig FromJson(JsonObject json)
    {
        var withoutModel = json.DeepClone().AsObject();
        JsonObject model = Take(withoutModel, "model") as JsonObject ?? throw new ExperimentConfigException("model", Show(json["model"]), "expected an object with a 'name'");
        ConfigSchema.Check(withoutModel, typeof(ExperimentConfig), "");
        var config = Deserialize<ExperimentConfig>(withoutModel, "");

        string name = Take(model, "name") is JsonValue v && v.TryGetValue(out string? s) ? s
            : throw new ExperimentConfigException("model.name", Show(model["name"]), $"expected one of: {string.Join(", ", TaskModels.Names(config.Kind))}");
        ModelChoice choice;
        try { choice = TaskModels.Parse(name, config.Kind); }
        catch (ArgumentException) { throw new ExperimentConfigException("model.name", Show(JsonValue.Create(name)), $"a {config.Kind.ToString().ToLowerInvariant()} dataset takes one of: {string.Join(", ", TaskModels.Names(config.Kind))}"); }
        var type = OptionsType(choice, config.Kind);
        config.Model = new ModelSection { Name = name.ToLowerInvariant() };
        var pooled = Take(model, "pooled");
        if (pooled is not null && type is not null && choice is not (ModelChoice.First or ModelChoice.Text))
            throw new ExperimentConfigException("model.pooled", Show(pooled), $"model '{name}' is a TorchSharp model; a pooled-feature model is early fusion or a single modality ({string.Join(", ", PooledNames(config.Kind))})");
        if (type is null || pooled is not null)
        {
            if (model.Count > 0) throw new ExperimentConfigException($"model.{model.First().Key}", Show(model.First().Value), "a pooled-feature model has no options besides 'name' and 'pooled'");
            if (pooled is not null) ConfigSchema.Check(pooled as JsonObject ?? throw new ExperimentConfigException("model.pooled", Show(pooled), "expected an object"), typeof(PooledModelOptions), "model.pooled");
            config.Model.Pooled = pooled is null ? new PooledModelOptions() : Deserialize<PooledModelOptions>(pooled, "model.pooled");
        }
        else
        {
            ConfigSchema.Check(model, type, "model");
            config.Model.Options = (TorchTrainerOptions)Deserialize(model, type, "model");
        }
        ExperimentConfigValidation.Validate(config);
        return config;
    }

    /// <summary>A JSON value as the error messages show it.</summary>
    internal static string Show(JsonNode? node) => node is null ? "null" : node.ToJsonString();

    private static JsonNode? Take(JsonObject o, string key)
    {
        var match = o.FirstOrDefault(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase));
        if (match.Key is null) return null;
        o.Remove(match.Key);
        return match.Value;
    }

    private static T Deserialize<T>(JsonNode node, string path) => (T)Deserialize(node, typeof(T), path);

    private static object Deserialize(JsonNode node, Type type, string path)
    {
        try
        {
            return node.Deserialize(type, Options) ?? throw new ExperimentConfigException(path, "null", "expected an object");
        }
        catch (JsonException ex)
        {
            string key = string.Join(".", new[] { path, (ex.Path ?? "$").TrimStart('$', '.') }.Where(p => p.Length > 0));
            throw new ExperimentConfigException(key.Length == 0 ? "(root)" : key, "the value", ex.Message);
        }
    }
}
