using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using MsaMl.Experiments.Models;
using MsaMl.Datasets;
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
        (typeof(TorchTrainerOptions), nameof(TorchTrainerOptions.OutputKind)),
        (typeof(FusionHeadOptions), nameof(FusionHeadOptions.Inputs)),
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

    /// <summary>The complete configuration as a JSON object (the model's options flattened into <c>model</c>).</summary>
    public static JsonObject ToJson(ExperimentConfig config)
    {
        var root = JsonSerializer.SerializeToNode(config, Options)!.AsObject();
        var model = ModelToJson(config.Model);
        // Keep the sections in reading order: dataset, featurizers, model, training, evaluation.
        var ordered = new JsonObject();
        foreach (var (key, value) in root)
        {
            if (key == "training") ordered["model"] = model;
            ordered[key] = value?.DeepClone();
        }
        return ordered;
    }

    private static JsonObject ModelToJson(ModelSection section)
    {
        var model = new JsonObject { ["name"] = section.Name };
        if (section.Modalities is { } modalities) model["modalities"] = JsonSerializer.SerializeToNode(modalities, Options);
        if (section.SpeedCopies.Count > 0) model["speedCopies"] = JsonSerializer.SerializeToNode(section.SpeedCopies, Options);
        if (section.Pooled is { } pooled) model["pooled"] = JsonSerializer.SerializeToNode(pooled, Options);
        if (section.Members is { } members) model["members"] = new JsonArray(members.Select(m => (JsonNode)ModelToJson(m)).ToArray());
        if (section.Options is { } options)
            foreach (var (key, value) in JsonSerializer.SerializeToNode(options, options.GetType(), Options)!.AsObject())
                model[key] = value?.DeepClone();
        return model;
    }

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

        config.Model = ModelFromJson(model, "model", config.Modalities);
        ExperimentConfigValidation.Validate(config);
        return config;
    }

    /// <summary>Reads a <c>model</c> object (or a late-fusion member) into its section, checking its keys against the options its name selects.</summary>
    private static ModelSection ModelFromJson(JsonObject model, string path, Modalities declared)
    {
        model = model.DeepClone().AsObject();
        var names = TaskModels.Names(declared);
        string name = Take(model, "name") is JsonValue v && v.TryGetValue(out string? s) ? s
            : throw new ExperimentConfigException($"{path}.name", Show(model["name"]), $"expected one of: {string.Join(", ", names)}");
        NamedModel named;
        try { named = TaskModels.Parse(name, declared); }
        catch (ArgumentException) { throw new ExperimentConfigException($"{path}.name", Show(JsonValue.Create(name)), $"a dataset with {declared.Describe()} takes one of: {string.Join(", ", names)}"); }
        var section = new ModelSection { Name = named.Name };
        if (Take(model, "modalities") is { } modalities)
        {
            ConfigSchema.CheckValue(modalities, typeof(Modalities), false, $"{path}.modalities");
            section.Modalities = Deserialize<Modalities>(modalities, $"{path}.modalities");
            try { TaskModels.Reads(named, declared, section.Modalities); }
            catch (ArgumentException ex) { throw new ExperimentConfigException($"{path}.modalities", Show(modalities), ex.Message.TrimEnd('.')); }
        }
        if (Take(model, "speedCopies") is { } speeds)
        {
            ConfigSchema.CheckValue(speeds, typeof(List<double>), false, $"{path}.speedCopies");
            section.SpeedCopies = Deserialize<List<double>>(speeds, $"{path}.speedCopies");
        }
        var pooled = Take(model, "pooled");
        var members = Take(model, "members");
        var type = TaskModelBuilder.OptionsType(named, declared);
        if (named.Shape == ModelShape.Late)
        {
            if (members is not JsonArray list || list.Count == 0)
                throw new ExperimentConfigException($"{path}.members", Show(members), "late fusion needs its members: an array of single-modality models (audio, image, text, visual)");
            if (pooled is not null) throw new ExperimentConfigException($"{path}.pooled", Show(pooled), "late fusion has no pooled model of its own; its members may");
            if (model.Count > 0) throw new ExperimentConfigException($"{path}.{model.First().Key}", Show(model.First().Value), "late fusion has no options besides 'name', 'modalities', 'speedCopies' and 'members'");
            section.Members = list.Select((m, i) =>
            {
                string memberPath = $"{path}.members[{i}]";
                var member = ModelFromJson(m as JsonObject ?? throw new ExperimentConfigException(memberPath, Show(m), "expected a model object"), memberPath, declared);
                if (TaskModels.Parse(member.Name, declared).Shape != ModelShape.SingleModality)
                    throw new ExperimentConfigException($"{memberPath}.name", Show(JsonValue.Create(member.Name)), "a late-fusion member is a single-modality model: audio, image, text or visual");
                return member;
            }).ToList();
            return section;
        }
        if (members is not null) throw new ExperimentConfigException($"{path}.members", Show(members), "only late fusion has members");
        if (pooled is not null && named.Shape is not (ModelShape.SingleModality or ModelShape.Early))
            throw new ExperimentConfigException($"{path}.pooled", Show(pooled), $"model '{name}' is a TorchSharp model; a pooled-feature model is early fusion or a single modality (audio, image, text, visual)");
        if (named.Shape == ModelShape.Early || pooled is not null)
        {
            if (model.Count > 0) throw new ExperimentConfigException($"{path}.{model.First().Key}", Show(model.First().Value), "a pooled-feature model has no options besides 'name', 'modalities', 'speedCopies' and 'pooled'");
            if (pooled is not null) ConfigSchema.Check(pooled as JsonObject ?? throw new ExperimentConfigException($"{path}.pooled", Show(pooled), "expected an object"), typeof(PooledModelOptions), $"{path}.pooled");
            section.Pooled = pooled is null ? new PooledModelOptions() : Deserialize<PooledModelOptions>(pooled, $"{path}.pooled");
            return section;
        }
        ConfigSchema.Check(model, type!, path);
        section.Options = (TorchTrainerOptions)Deserialize(model, type!, path);
        return section;
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
