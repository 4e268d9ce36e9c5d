using System.CommandLine;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Pipelines.Experiments;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa train</c>: train one model on a dataset, report test metrics, save a bundle.</summary>
internal static class TrainCommand
{
    private static readonly Dictionary<string, ModelChoice> Models = new(StringComparer.OrdinalIgnoreCase)
    {
        ["aat"] = ModelChoice.Paper, ["ote"] = ModelChoice.Paper, ["paper"] = ModelChoice.Paper,
        ["text"] = ModelChoice.Text, ["audio"] = ModelChoice.First, ["image"] = ModelChoice.First,
        ["early"] = ModelChoice.Early, ["late"] = ModelChoice.Late,
    };

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"One of: {string.Join(", ", DatasetLoader.Names)}, demo.", Required = true };
        var root = new Option<string?>("--root") { Description = "The dataset folder (see datasets/README.md)." };
        var model = new Option<string>("--model") { Description = "aat | ote | text | audio | image | early | late.", DefaultValueFactory = _ => "aat" };
        var output = new Option<string>("--output") { Description = "Where to save the model bundle.", DefaultValueFactory = _ => "model.zip" };
        var config = new Option<FileInfo?>("--config") { Description = "JSON file with training settings (Seed, Epochs, LearningRate, BatchSize, EarlyStoppingPatience, Quick)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (overrides the config)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (overrides the config)." };
        var quick = new Option<bool>("--quick") { Description = "A short run." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var command = new Command("train", "Train a model on a dataset, print its test metrics and save a model bundle.")
        {
            dataset, root, model, output, config, epochs, seed, quick, json,
        };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string modelName = parse.GetValue(model)!;
            if (!Models.TryGetValue(modelName, out var choice))
                throw new ArgumentException($"Unknown model '{modelName}'; expected one of: {string.Join(", ", Models.Keys)}.");
            var settings = parse.GetValue(config) is { } file ? ReadSettings(file) : new TrainingSettings();
            settings.Epochs = parse.GetValue(epochs) ?? settings.Epochs;
            settings.Seed = parse.GetValue(seed) ?? settings.Seed;
            settings.Quick |= parse.GetValue(quick);

            var ml = new MLContext(seed: settings.Seed);
            string name = parse.GetValue(dataset)!;
            var (records, labels) = DatasetLoader.Load(ml, name, parse.GetValue(root));
            var task = TaskPipelines.For(ml, name, records, labels, settings);
            var result = TrainingRun.Run(ml, task, choice, parse.GetValue(output)!);
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new { result.Task, result.Model, result.Accuracy, result.MacroAccuracy, result.MacroF1, result.Parameters, bundle = parse.GetValue(output) }));
            else
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(result.Model)}[/] on {Markup.Escape(name)}: accuracy {result.Accuracy:P1}, UA {result.MacroAccuracy:P1}, macro F1 {result.MacroF1:F3}; saved {Markup.Escape(parse.GetValue(output)!)}");
            return CommandErrors.Success;
        }));
        return command;
    }

    private static TrainingSettings ReadSettings(FileInfo file)
    {
        if (!file.Exists) throw new FileNotFoundException($"config file not found: {file.FullName}", file.FullName);
        try
        {
            return JsonSerializer.Deserialize<TrainingSettings>(File.ReadAllText(file.FullName), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? new TrainingSettings();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"config file {file.FullName}: {ex.Message}", ex);
        }
    }
}
