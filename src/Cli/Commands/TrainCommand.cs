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
        ["tfn"] = ModelChoice.TensorFusion, ["attention"] = ModelChoice.Attention,
    };

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = $"One of: {string.Join(", ", DatasetLoader.Names)}, demo.", Required = true };
        var root = new Option<string?>("--root") { Description = "The dataset folder (see datasets/README.md); for --dataset table, the table file." };
        var model = new Option<string>("--model") { Description = "aat | ote | text | audio | image | early | late | tfn | attention.", DefaultValueFactory = _ => "aat" };
        var task = new Option<string?>("--task") { Description = "regression (MMSA's protocol; the default for mosi, mosei, sims) or classification (the class view; the default elsewhere)." };
        var loss = new Option<string?>("--loss") { Description = "Regression loss: l1 (MMSA's, the default) or mse (overrides the config)." };
        var output = new Option<string>("--output") { Description = "Where to save the model bundle.", DefaultValueFactory = _ => "model.zip" };
        var config = new Option<FileInfo?>("--config") { Description = "JSON file with training settings (Seed, Epochs, LearningRate, BatchSize, EarlyStoppingPatience, Quick; RegressionLoss, TextModelPath, TextVocabPath)." };
        var epochs = new Option<int?>("--epochs") { Description = "Epochs (overrides the config)." };
        var seed = new Option<int?>("--seed") { Description = "Seed (overrides the config)." };
        var quick = new Option<bool>("--quick") { Description = "A short run." };
        var seeds = new Option<int>("--seeds") { Description = "Train with this many seeds (seed, seed+1, ...) and report mean ± std; the bundle is the first seed's.", DefaultValueFactory = _ => 1 };
        var loso = new Option<bool>("--loso") { Description = "IEMOCAP: leave-one-session-out cross-validation instead of the Session 5 test split (writes <output>.loso.json, no bundle)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var map = TableArguments.Map();
        var encoding = TableArguments.Encoding();
        var testDataset = new Option<string?>("--test-dataset") { Description = "Cross-corpus: score on this emotion corpus (all its rows) on the classes both share." };
        var testRoot = new Option<string?>("--test-root") { Description = "The folder of --test-dataset." };
        var command = new Command("train", "Train a model on a dataset, print its test metrics and save a model bundle.")
        {
            dataset, root, model, task, loss, output, config, epochs, seed, quick, seeds, loso, json, map, encoding, testDataset, testRoot,
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

            if (parse.GetValue(loss) is { } lossName)
                settings.RegressionLoss = lossName.ToLowerInvariant() switch
                {
                    "l1" => MsaMl.Trainers.Training.RegressionLoss.L1,
                    "mse" => MsaMl.Trainers.Training.RegressionLoss.Mse,
                    _ => throw new ArgumentException($"Unknown --loss '{lossName}'; expected l1 or mse."),
                };

            string name = parse.GetValue(dataset)!;
            string bundle = parse.GetValue(output)!;
            bool intensity = DatasetLoader.IsIntensity(name);
            string taskName = (parse.GetValue(task) ?? (intensity ? "regression" : "classification")).ToLowerInvariant();
            if (taskName is not ("regression" or "classification"))
                throw new ArgumentException($"Unknown --task '{taskName}'; expected regression or classification.");
            if (taskName == "regression")
            {
                if (!intensity) throw new ArgumentException($"--task regression needs a sentiment-intensity dataset (mosi, mosei, sims), not '{name}'.");
                if (parse.GetValue(loso)) throw new ArgumentException("--loso is IEMOCAP's protocol; MOSI, MOSEI and SIMS have fixed splits.");
                int runs = parse.GetValue(seeds);
                if (runs < 1) throw new ArgumentException($"--seeds must be at least 1, got {runs}.");
                return IntensityTrainCommand.Run(new IntensityTraining.Options(name, parse.GetValue(root), choice, settings,
                    Enumerable.Range(settings.Seed, runs).ToArray(), bundle, ExtractAudio: choice != ModelChoice.Text), modelName, parse.GetValue(json));
            }
            if (parse.GetValue(testDataset) != null && parse.GetValue(loso)) throw new ArgumentException("--test-dataset and --loso cannot be combined.");
            if (parse.GetValue(loso))
                return CrossValidate(name, parse.GetValue(root), choice, settings, Path.ChangeExtension(bundle, ".loso.json"), parse.GetValue(json));
            int count = parse.GetValue(seeds);
            if (count < 1) throw new ArgumentException($"--seeds must be at least 1, got {count}.");
            TableArguments.Describe(name, parse.GetValue(root), parse.GetValue(map), parse.GetValue(encoding));
            var run = new MultiSeedTraining.Options(name, parse.GetValue(root), choice, settings,
                Enumerable.Range(settings.Seed, count).ToArray(), bundle)
            {
                Map = parse.GetValue(map),
                Encoding = parse.GetValue(encoding),
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
                    // JSON has no NaN: the std of one seed is null.
                    metrics = summary.ToDictionary(m => m.Key, m => new { mean = Finite(m.Value.Mean), std = Finite(m.Value.StandardDeviation) }),
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

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;

    private static TrainingSettings ReadSettings(FileInfo file)
    {
        if (!file.Exists) throw new FileNotFoundException($"config file not found: {file.FullName}", file.FullName);
        try
        {
            return JsonSerializer.Deserialize<TrainingSettings>(File.ReadAllText(file.FullName), new JsonSerializerOptions { PropertyNameCaseInsensitive = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } })
                ?? new TrainingSettings();
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"config file {file.FullName}: {ex.Message}", ex);
        }
    }
}
