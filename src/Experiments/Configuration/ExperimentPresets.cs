using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Datasets.Speech;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Fusion;
using MsaMl.Trainers.Ote;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The named presets, data files embedded in this assembly (<c>Presets/*.json</c>, each key
/// commented with the table or section it comes from), and the complete default configuration
/// a preset gives for a dataset and a model.
/// </summary>
public static class ExperimentPresets
{
    /// <summary>The seed paper's final runs (Tables 3 and 4, Section 5.2.1) with the original system's spectrogram.</summary>
    public const string Paper = "paper";
    /// <summary>Section 3.1's AlexNet-FCN with full-channel LRN and attention, Table 3's values.</summary>
    public const string PaperAlexNet = "paper-alexnet";
    /// <summary>The demo's sizes, which train in minutes on two cores.</summary>
    public const string Fast = "fast";

    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = new[] { Paper, PaperAlexNet, Fast };

    /// <summary>The preset file's text, with its comments.</summary>
    public static string Text(string preset)
    {
        if (!Names.Contains(preset)) throw new ExperimentConfigException("preset", $"\"{preset}\"", $"expected one of: {string.Join(", ", Names)}");
        using var stream = typeof(ExperimentPresets).Assembly.GetManifestResourceStream($"MsaMl.Experiments.Presets.{preset}.json")
            ?? throw new InvalidOperationException($"preset resource '{preset}' missing from {typeof(ExperimentPresets).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The complete configuration a preset gives for a dataset and a model name (null: the task's paper model).</summary>
    /// <param name="preset">The preset name.</param>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="model">The model name; null: the task's paper model.</param>
    /// <param name="map">A table's column map.</param>
    /// <param name="presetModel">
    /// Whether a model name the preset defines as its own model (the fast preset's pooled audio
    /// model) gets that model; false gives the TorchSharp trainer's options instead (what
    /// <c>--set model.pooled=null</c> asks for).
    /// </param>
    public static JsonObject Defaults(string preset, string dataset, string? model, string? map = null, bool presetModel = true)
    {
        var kind = TaskModels.KindOf(dataset, map);
        string name = model ?? (kind == TaskKind.Speech ? "aat" : "ote");
        var choice = TaskModels.Parse(name, kind);
        var optionsType = ExperimentConfigJson.OptionsType(choice, kind);
        bool iemocap = dataset.Equals("iemocap", StringComparison.OrdinalIgnoreCase);
        var config = new ExperimentConfig
        {
            Preset = preset,
            Dataset = new DatasetSection
            {
                Name = dataset,
                Map = map,
                Iemocap = iemocap ? new IemocapOptions { SplitProtocol = IemocapSplitProtocol.Session5Test } : null,
                Validation = iemocap ? new ValidationSplitOptions() : null,
            },
            Featurizers = kind == TaskKind.Speech
                ? new FeaturizerSection { Spectrogram = new LogSpectrogramOptions() }
                : new FeaturizerSection { Image = new ImageTensorOptions(), ImageFeatures = new PretrainedImageFeaturesOptions() },
            Model = new ModelSection
            {
                Name = name.ToLowerInvariant(),
                Pooled = optionsType is null ? new PooledModelOptions() : null,
                Options = optionsType switch
                {
                    null => null,
                    var t when t == typeof(AatOptions) => new AatOptions(),
                    var t when t == typeof(OteOptions) => new OteOptions(),
                    _ => new FusionHeadOptions(),
                },
            },
        };
        var json = ExperimentConfigJson.ToJson(config);
        var section = Section(preset, kind == TaskKind.Speech ? "speech" : "images");
        foreach (var key in new[] { "dataset", "featurizers", "training", "evaluation" })
            if (section[key] is JsonObject overlay) ConfigOverlay.Merge(json[key]!.AsObject(), overlay);
        string trainer = choice switch
        {
            ModelChoice.Early => "",
            ModelChoice.TensorFusion or ModelChoice.Attention => "head",
            _ => kind == TaskKind.Speech ? "aat" : "ote",
        };
        if (trainer.Length > 0 && section[trainer] is JsonObject options) ConfigOverlay.Merge(json["model"]!.AsObject(), options);
        // A preset may make a model name its own model (the fast preset's audio model is pooled features -> ML.NET).
        if (presetModel && choice != ModelChoice.Paper && section[name.ToLowerInvariant()] is JsonObject own)
        {
            var ownModel = new JsonObject { ["name"] = name.ToLowerInvariant() };
            ConfigOverlay.Merge(ownModel, own);
            json["model"] = ownModel;
        }
        return json;
    }

    /// <summary>A preset's section for a kind of task, its <c>extends</c> chain merged in.</summary>
    private static JsonObject Section(string preset, string kind)
    {
        var file = JsonNode.Parse(Text(preset), documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true })!.AsObject();
        var section = file["extends"] is JsonValue parent ? Section(parent.GetValue<string>(), kind) : new JsonObject();
        if (file[kind] is JsonObject own) ConfigOverlay.Merge(section, own);
        return section;
    }
}
