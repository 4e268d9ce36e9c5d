using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using MsaMl.Datasets;
using MsaMl.Experiments.Models;
using MsaMl.Trainers.Composition;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;
using MsaMl.Transforms.Video;

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

    /// <summary>The complete configuration a preset gives for a dataset and a model name (null: the dataset's default model, <see cref="TaskModels.Default"/>).</summary>
    /// <param name="preset">The preset name.</param>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="model">The model name; null: the dataset's default model.</param>
    /// <param name="map">A table's column map.</param>
    /// <param name="presetModel">
    /// Whether a model name the preset defines as its own model (the fast preset's pooled audio
    /// model) gets that model; false gives the TorchSharp trainer's options instead (what
    /// <c>--set model.pooled=null</c> asks for).
    /// </param>
    /// <param name="task">What the models learn; null: the dataset's default (regression for mosi, mosei, sims).</param>
    /// <param name="root">The dataset's folder: mosi, mosei and sims declare the visual modality when it holds <c>Raw/</c>.</param>
    /// <remarks>
    /// The preset file's <c>images</c> section applies to a dataset with images, its <c>speech</c>
    /// section to one with audio (or with text only), both (speech last) to one with both, its
    /// <c>video</c> section to one with videos (before the others), and its <c>regression</c> section
    /// on top for a sentiment-intensity task.
    /// </remarks>
    public static JsonObject Defaults(string preset, string dataset, string? model, string? map = null, bool presetModel = true, TaskType? task = null, string? root = null)
    {
        var declared = DatasetLoader.ModalitiesOf(dataset, map, root);
        var type = task ?? (DatasetLoader.IsIntensity(dataset) ? TaskType.Regression : TaskType.Classification);
        bool regression = type == TaskType.Regression;
        var named = TaskModels.Parse(model ?? TaskModels.Default(declared), declared);
        bool iemocap = dataset.Equals("iemocap", StringComparison.OrdinalIgnoreCase);
        bool audio = declared.HasFlag(Modalities.Audio), image = declared.HasFlag(Modalities.Image);
        var config = new ExperimentConfig
        {
            Preset = preset,
            Dataset = new DatasetSection
            {
                Name = dataset,
                Map = map,
                Task = type,
                ExtractAudio = DatasetLoader.IsIntensity(dataset),
                Iemocap = iemocap ? new IemocapOptions { SplitProtocol = IemocapSplitProtocol.Session5Test } : null,
                Validation = iemocap ? new ValidationSplitOptions() : null,
            },
            Featurizers = new FeaturizerSection
            {
                Spectrogram = audio ? new LogSpectrogramOptions() : null,
                Image = image ? new ImageTensorOptions() : null,
                ImageFeatures = image ? new PretrainedImageFeaturesOptions() : null,
                Text = declared.HasFlag(Modalities.Text) ? new BertEmbeddingOptions() : null,
                Video = declared.HasFlag(Modalities.Visual) ? new VideoFramesOptions() : null,
            },
            Model = new ModelSection { Name = named.Name },
        };
        var json = ExperimentConfigJson.ToJson(config);
        var section = Sections(preset, declared, regression);
        foreach (var key in new[] { "dataset", "featurizers", "training", "evaluation" })
            if (section[key] is JsonObject overlay) ConfigOverlay.Merge(json[key]!.AsObject(), overlay);
        var featurizers = json["featurizers"]!.AsObject();
        if (!audio) { featurizers.Remove("spectrogram"); featurizers.Remove("functionals"); }
        if (!image) { featurizers.Remove("image"); featurizers.Remove("imageFeatures"); }
        if (!declared.HasFlag(Modalities.Text)) featurizers.Remove("text");
        if (!declared.HasFlag(Modalities.Visual)) featurizers.Remove("video");
        foreach (var (key, value) in featurizers.ToList())
            if (value is null) featurizers.Remove(key);
        json["model"] = ModelDefaults(section, named, declared, regression, presetModel);
        return json;
    }

    /// <summary>The <c>model</c> object of a named model: its trainer's defaults with the preset's section merged in.</summary>
    private static JsonObject ModelDefaults(JsonObject section, NamedModel named, Modalities declared, bool regression, bool presetModel)
    {
        var model = new JsonObject { ["name"] = named.Name };
        // A preset may make a single-modality model its own model (the fast preset's audio model is
        // pooled features -> ML.NET); pooled models are classifiers, so not for a regression task.
        if (presetModel && !regression && named.Shape == ModelShape.SingleModality && section[named.Name] is JsonObject own)
        {
            ConfigOverlay.Merge(model, own);
            return model;
        }
        switch (named.Shape)
        {
            case ModelShape.Early:
                model["pooled"] = JsonSerializer.SerializeToNode(new PooledModelOptions(), ExperimentConfigJson.Options);
                if (section["early"] is JsonObject early) ConfigOverlay.Merge(model, early);
                return model;
            case ModelShape.Late:
                // A member trains on the late model's rows: copies of recordings are the late model's choice.
                model["members"] = new JsonArray(declared.Members().Select(m =>
                {
                    var member = ModelDefaults(section, TaskModels.Single(m), declared, regression, presetModel);
                    member.Remove("speedCopies");
                    return (JsonNode)member;
                }).ToArray());
                return model;
        }
        var type = TaskModelBuilder.OptionsType(named, declared)!;
        var options = type == typeof(ComposedOptions) ? TaskModelBuilder.DefaultComposition(named.Fixed != Modalities.None ? named.Fixed : declared) : Activator.CreateInstance(type)!;
        foreach (var (key, value) in JsonSerializer.SerializeToNode(options, type, ExperimentConfigJson.Options)!.AsObject())
            model[key] = value?.DeepClone();
        if (section[TaskModelBuilder.SectionOf(type)] is JsonObject preset) ConfigOverlay.Merge(model, preset);
        return model;
    }

    /// <summary>The preset's sections that apply to a dataset declaring <paramref name="declared"/>, merged (see <see cref="Defaults"/>).</summary>
    private static JsonObject Sections(string preset, Modalities declared, bool regression)
    {
        var merged = new JsonObject();
        if (declared.HasFlag(Modalities.Visual)) ConfigOverlay.Merge(merged, Section(preset, "video"));
        if (declared.HasFlag(Modalities.Image)) ConfigOverlay.Merge(merged, Section(preset, "images"));
        if (declared.HasFlag(Modalities.Audio) || !declared.HasFlag(Modalities.Image)) ConfigOverlay.Merge(merged, Section(preset, "speech"));
        if (regression) ConfigOverlay.Merge(merged, Section(preset, "regression"));
        return merged;
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
