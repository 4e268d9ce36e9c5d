using System.CommandLine;
using System.Text.Json.Nodes;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;
using MsaMl.Experiments.Models;

namespace MsaMl.Cli.Commands;

/// <summary>
/// The options shared by <c>msa train</c> and <c>msa config</c> that build an experiment
/// configuration: <c>--config</c>, <c>--preset</c>, <c>--set key.path=value</c> and the shorthand
/// flags, each of which sets one or more configuration keys.
/// </summary>
internal sealed class ConfigArguments
{
    public Option<string?> Dataset { get; } = new("--dataset") { Description = $"One of: {string.Join(", ", DatasetLoader.Names)}, demo (key dataset.name)." };
    public Option<string?> Root { get; } = new("--root") { Description = "The dataset folder (see datasets/README.md); for --dataset table, the table file (key dataset.root)." };
    public Option<string?> Model { get; } = new("--model")
    {
        Description = $"One of {string.Join(", ", TaskModels.All.Select(m => m.Name))}, those that read the dataset's modalities; default aat with audio, ote with images (key model.name).",
    };
    public Option<string?> Modalities { get; } = new("--modalities")
    {
        Description = "The modalities the model reads, a subset of the dataset's, e.g. audio,text (default: the model's own, a fusion every modality; key model.modalities).",
    };
    public Option<string?> Task { get; } = new("--task") { Description = "mosi, mosei, sims, demo-speech: regression (MMSA's protocol, the default for mosi, mosei, sims) or classification (the class view; key dataset.task)." };
    public Option<string?> Loss { get; } = new("--loss") { Description = "Regression: the loss, l1 (MMSA's, the default) or mse (key model.regressionLoss)." };
    public Option<string?> TestDataset { get; } = new("--test-dataset") { Description = "Cross-corpus: score on this emotion corpus (all its rows) on the classes both share (key evaluation.testDataset)." };
    public Option<string?> TestRoot { get; } = new("--test-root") { Description = "The folder of --test-dataset (key evaluation.testRoot)." };
    public Option<FileInfo?> Config { get; } = new("--config") { Description = "An experiment configuration (JSON, as `msa config` prints it; keys it leaves out come from its preset), or a result file of an earlier run." };
    public Option<string?> Preset { get; } = new("--preset") { Description = $"The starting configuration: {string.Join(", ", ExperimentPresets.Names)} (default fast; key preset)." };
    public Option<string[]> Set { get; } = new("--set") { Description = "Override one configuration key, key.path=value (repeatable), e.g. --set model.audioEncoder=AlexNetFcn.", AllowMultipleArgumentsPerToken = false };
    public Option<int?> Epochs { get; } = new("--epochs") { Description = "Epochs (key model.epochs)." };
    public Option<int?> Seed { get; } = new("--seed") { Description = "The first seed (key evaluation.seeds)." };
    public Option<int?> Seeds { get; } = new("--seeds") { Description = "Train with this many seeds (seed, seed+1, ...) and report mean ± std; the bundle is the first seed's (key evaluation.seeds)." };
    public Option<int?> Classes { get; } = new("--classes") { Description = "IEMOCAP: 10 classes, or 4 with exc merged into hap (key dataset.iemocap.labelSet)." };
    public Option<double?> MemoryBudget { get; } = new("--memory-budget")
    {
        Description = "MiB the training and validation features may take in memory; beyond it they are streamed from the on-disk cache each epoch (default: a third of the memory; key model.memoryBudgetMegabytes).",
    };
    public Option<bool> Quick { get; } = new("--quick") { Description = "A smoke run on top of any preset: 3 epochs, no early stopping (key training.quick)." };
    public Option<bool> Loso { get; } = new("--loso")
    {
        Description = "IEMOCAP: leave-one-session-out cross-validation instead of the Session 5 test split; emodb, ravdess, crema-d, tess: leave-one-speaker-out instead of the fixed test speakers; writes <output>.loso.json, no bundle (keys evaluation.protocol, dataset.iemocap.splitProtocol, dataset.validation).",
    };
    public Option<string?> Map { get; } = TableArguments.Map();
    public Option<string?> Encoding { get; } = TableArguments.Encoding();

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Dataset, Root, Model, Modalities, Task, Loss, TestDataset, TestRoot, Config, Preset, Set, Epochs, Seed, Seeds, Classes, MemoryBudget, Quick, Loso, Map, Encoding })
            command.Options.Add(option);
    }

    /// <summary>The overlay the arguments give: the file, then the shorthand flags, then the <c>--set</c> assignments.</summary>
    public JsonObject Overlay(ParseResult parse)
    {
        var overlay = parse.GetValue(Config) is { } file ? ExperimentConfigResolver.ReadFile(file.FullName) : new JsonObject();
        void Put(string path, JsonNode? value) => ConfigOverlay.Set(overlay, path, value);
        if (parse.GetValue(Preset) is { } preset) Put("preset", preset);
        if (parse.GetValue(Dataset) is { } dataset) Put("dataset.name", dataset);
        if (parse.GetValue(Root) is { } root) Put("dataset.root", root);
        if (parse.GetValue(Map) is { } map) Put("dataset.map", map);
        if (parse.GetValue(Encoding) is { } encoding) Put("dataset.encoding", encoding);
        if (parse.GetValue(Model) is { } model) Put("model.name", model);
        if (parse.GetValue(Modalities) is { } modalities)
        {
            var names = modalities.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var set = MsaMl.Modalities.None;
            foreach (string name in names)
                set |= Enum.TryParse<MsaMl.Modalities>(name, ignoreCase: true, out var m) && m.Members().Count == 1 ? m
                    : throw new ArgumentException($"--modalities '{modalities}': '{name}' is not a modality; expected names of audio, image, text, visual separated by commas.");
            if (set == MsaMl.Modalities.None) throw new ArgumentException("--modalities is empty; expected names of audio, image, text, visual separated by commas.");
            Put("model.modalities", set.ToString());
        }
        if (parse.GetValue(Task) is { } task)
            Put("dataset.task", task.ToLowerInvariant() switch
            {
                "regression" => "Regression",
                "classification" => "Classification",
                _ => throw new ArgumentException($"Unknown --task '{task}'; expected regression or classification."),
            });
        if (parse.GetValue(Loss) is { } loss)
            Put("model.regressionLoss", loss.ToLowerInvariant() switch
            {
                "l1" => "L1",
                "mse" => "Mse",
                _ => throw new ArgumentException($"Unknown --loss '{loss}'; expected l1 or mse."),
            });
        if (parse.GetValue(TestDataset) is { } testDataset) Put("evaluation.testDataset", testDataset);
        if (parse.GetValue(TestRoot) is { } testRoot) Put("evaluation.testRoot", testRoot);
        if (parse.GetValue(Epochs) is { } epochs) Put("model.epochs", epochs);
        if (parse.GetValue(MemoryBudget) is { } budget)
        {
            if (budget <= 0) throw new ArgumentException($"--memory-budget must be a positive number of MiB, got {budget}.");
            Put("model.memoryBudgetMegabytes", budget);
        }
        if (parse.GetValue(Quick)) Put("training.quick", true);
        if (parse.GetValue(Classes) is { } classes)
            Put("dataset.iemocap.labelSet", classes switch
            {
                10 => "TenClass",
                4 => "FourClass",
                _ => throw new ArgumentException($"--classes {classes}: IEMOCAP has 10 classes or 4 (exc merged into hap); expected 10 or 4."),
            });
        if (parse.GetValue(Loso))
        {
            if (ConfigOverlay.Get(overlay, "dataset.name") is JsonValue name && name.TryGetValue(out string? datasetName) && DatasetLoader.IsActedSpeech(datasetName))
                Put("evaluation.protocol", "LeaveOneSpeakerOut");
            else
            {
                Put("evaluation.protocol", "LeaveOneSessionOut");
                Put("dataset.iemocap.splitProtocol", "SessionName");
                Put("dataset.validation", null);
            }
        }
        int? seed = parse.GetValue(Seed), count = parse.GetValue(Seeds);
        if (count is < 1) throw new ArgumentException($"--seeds must be at least 1, got {count}.");
        if (seed is not null || count is not null)
        {
            int first = seed ?? (ConfigOverlay.Get(overlay, "evaluation.seeds") is JsonArray { Count: > 0 } existing ? existing[0]!.GetValue<int>() : 1);
            Put("evaluation.seeds", new JsonArray(Enumerable.Range(first, count ?? 1).Select(s => (JsonNode)s).ToArray()));
        }
        foreach (string assignment in parse.GetValue(Set) ?? Array.Empty<string>()) ConfigOverlay.Set(overlay, assignment);
        return overlay;
    }
}
