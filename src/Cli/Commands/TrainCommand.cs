using System.CommandLine;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;
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
        var seeds = new Option<int>("--seeds") { Description = "Train with this many seeds (seed, seed+1, ...) and report mean ± std; the bundle is the first seed's.", DefaultValueFactory = _ => 1 };
        var loso = new Option<bool>("--loso") { Description = "IEMOCAP: leave-one-session-out cross-validation instead of the Session 5 test split (writes <output>.loso.json, no bundle)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var testDataset = new Option<string?>("--test-dataset") { Description = "Cross-corpus: score on this emotion corpus (all its rows) on the classes both share." };
        var testRoot = new Option<string?>("--test-root") { Description = "The folder of --test-dataset." };
        var command = new Command("train", "Train a model on a dataset, print its test metrics and save a model bundle.")
        {
            dataset, root, model, output, config, epochs, seed, quick, seeds, loso, json, testDataset, testRoot,
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

            string name = parse.GetValue(dataset)!;
            string bundle = parse.GetValue(output)!;
            if (parse.GetValue(testDataset) != null && parse.GetValue(loso)) throw new ArgumentException("--test-dataset and --loso cannot be combined.");
            if (parse.GetValue(loso))
                return CrossValidate(name, parse.GetValue(root), choice, settings, Path.ChangeExtension(bundle, ".loso.json"), parse.GetValue(json));
            int count = parse.GetValue(seeds);
            if (count < 1) throw new ArgumentException($"--seeds must be at least 1, got {count}.");
            var run = new MultiSeedTraining.Options(name, parse.GetValue(root), choice, settings,
                Enumerable.Range(settings.Seed, count).ToArray(), bundle)
            {
                TestDataset = parse.GetValue(testDataset),
                TestRoot = parse.GetValue(testRoot),
            };
            var (result, resultFile) = MultiSeedTraining.Run(run);
            var summary = result.Summary;
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    dataset = name,
                    model = modelName,
                    seeds = result.Seeds,
                    metrics = summary.ToDictionary(m => m.Key, m => new { mean = m.Value.Mean, std = m.Value.StandardDeviation }),
                    bundle,
                    results = resultFile,
                }, JsonOutput));
            else
            {
                string Show(string metric) => summary.TryGetValue(metric, out var m) ? m.Format() : "n/a";
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(modelName)}[/] on {Markup.Escape(name)}, seed(s) {string.Join(", ", result.Seeds)}: " +
                    $"WA {Show(MetricNames.WeightedAccuracy)}, UA {Show(MetricNames.UnweightedAccuracy)}, macro F1 {Show(MetricNames.MacroF1)}");
                AnsiConsole.MarkupLine($"saved {Markup.Escape(bundle)}; results {Markup.Escape(resultFile)}");
            }
            return CommandErrors.Success;
        }));
        return command;
    }

    // One seed has no standard deviation (NaN): written as "NaN" rather than failing the run.
    private static readonly JsonSerializerOptions JsonOutput = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static int CrossValidate(string dataset, string? root, ModelChoice choice, TrainingSettings settings, string resultFile, bool json)
    {
        if (string.IsNullOrWhiteSpace(root)) throw new ArgumentException($"Dataset '{dataset}' needs --root <folder>.");
        var result = SessionCrossValidation.Run(new SessionCrossValidation.Options(dataset, root, choice, settings, resultFile));
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset,
                folds = result.Folds.Select(f => new { test = f.TestKey, accuracy = f.Metrics.WeightedAccuracy, ua = f.Metrics.UnweightedAccuracy }),
                metrics = result.Summary.ToDictionary(m => m.Key, m => new { mean = m.Value.Mean, std = m.Value.StandardDeviation }),
                results = resultFile,
            }));
        else
        {
            foreach (var fold in result.Folds)
                AnsiConsole.MarkupLine($"test {Markup.Escape(fold.TestKey)}: WA {fold.Metrics.WeightedAccuracy:P1}, UA {fold.Metrics.UnweightedAccuracy:P1}");
            AnsiConsole.MarkupLine($"mean ± std: WA {result.Summary[MetricNames.WeightedAccuracy].Format()}, UA {result.Summary[MetricNames.UnweightedAccuracy].Format()}; results {Markup.Escape(resultFile)}");
        }
        return CommandErrors.Success;
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
