using System.CommandLine;
using System.Text.Json;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Experiments;
using MsaMl.Transforms.Core;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary>
/// <c>msa train --dataset mosi|mosei|sims</c> (and cross-corpus <c>--test-dataset</c> runs): MMSA's protocol (regression by default, <c>--task
/// classification</c> for the class view), configured by <see cref="TrainingSettings"/> (a
/// <c>--config</c> file with Seed, Epochs, LearningRate, BatchSize, EarlyStoppingPatience, Quick,
/// RegressionLoss, TextModelPath, TextVocabPath) and the flags; the experiment configuration of
/// <c>msa config</c> covers the other datasets.
/// </summary>
internal static class MmsaTrainCommand
{
    public static int Run(ParseResult parse, ConfigArguments a, string? taskOption, string? lossOption, string bundle, bool json, string? testDataset = null, string? testRoot = null)
    {
        string name = parse.GetValue(a.Dataset) ?? throw new ArgumentException("--test-dataset needs --dataset.");
        var kind = TaskModels.KindOf(name, parse.GetValue(a.Map));
        string modelName = parse.GetValue(a.Model) ?? (kind == TaskKind.Speech ? "aat" : "ote");
        var choice = TaskModels.Parse(modelName, kind);
        if (parse.GetValue(a.Set) is { Length: > 0 } || parse.GetValue(a.Preset) is not null || parse.GetValue(a.Classes) is not null)
            throw new ArgumentException($"--set, --preset and --classes configure IEMOCAP, image and table experiments; '{name}' takes a TrainingSettings --config and the flags.");
        var settings = parse.GetValue(a.Config) is { } file ? ReadSettings(file) : new TrainingSettings();
        settings.Epochs = parse.GetValue(a.Epochs) ?? settings.Epochs;
        settings.Seed = parse.GetValue(a.Seed) ?? settings.Seed;
        settings.Quick |= parse.GetValue(a.Quick);
        if (lossOption is { } lossName)
            settings.RegressionLoss = lossName.ToLowerInvariant() switch
            {
                "l1" => MsaMl.Trainers.Training.RegressionLoss.L1,
                "mse" => MsaMl.Trainers.Training.RegressionLoss.Mse,
                _ => throw new ArgumentException($"Unknown --loss '{lossName}'; expected l1 or mse."),
            };
        string taskName = (taskOption ?? "regression").ToLowerInvariant();
        if (taskName is not ("regression" or "classification"))
            throw new ArgumentException($"Unknown --task '{taskName}'; expected regression or classification.");
        if (parse.GetValue(a.Loso)) throw new ArgumentException("--loso is IEMOCAP's protocol; MOSI, MOSEI and SIMS have fixed splits.");
        if (testDataset is not null)
        {
            TableArguments.Describe(name, parse.GetValue(a.Root), parse.GetValue(a.Map), parse.GetValue(a.Encoding));
            ReaderWarnings.Print(name, parse.GetValue(a.Root), parse.GetValue(a.Map), parse.GetValue(a.Encoding));
            ReaderWarnings.Print(testDataset, testRoot);
        }
        int count = parse.GetValue(a.Seeds) ?? 1;
        if (count < 1) throw new ArgumentException($"--seeds must be at least 1, got {count}.");
        var seeds = Enumerable.Range(settings.Seed, count).ToArray();
        string root = parse.GetValue(a.Root) ?? "";
        if (taskName == "regression")
            return IntensityTrainCommand.Run(new IntensityTraining.Options(name, root, choice, settings, seeds, bundle, ExtractAudio: choice != ModelChoice.Text), modelName, json);

        var (result, resultFile) = MultiSeedTraining.Run(new MultiSeedTraining.Options(name, root, choice, settings, seeds, bundle)
        {
            Map = parse.GetValue(a.Map),
            Encoding = parse.GetValue(a.Encoding),
            TestDataset = testDataset,
            TestRoot = testRoot,
        });
        var summary = result.Summary;
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset = name,
                model = modelName,
                seeds = result.Seeds,
                metrics = summary.ToDictionary(m => m.Key, m => new { mean = m.Value.Mean, std = m.Value.StandardDeviation }),
                bundle,
                results = resultFile,
            }, CliJson.Options));
        else
        {
            string Show(string metric) => summary.TryGetValue(metric, out var m) ? m.Format() : "n/a";
            AnsiConsole.MarkupLine($"[bold]{Markup.Escape(modelName)}[/] on {Markup.Escape(name)}, seed(s) {string.Join(", ", result.Seeds)}: " +
                $"WA {Show(MetricNames.WeightedAccuracy)}, UA {Show(MetricNames.UnweightedAccuracy)}, macro F1 {Show(MetricNames.MacroF1)}");
            AnsiConsole.MarkupLine($"saved {Markup.Escape(bundle)}; results {Markup.Escape(resultFile)}");
        }
        return CommandErrors.Success;
    }


    private static TrainingSettings ReadSettings(FileInfo file)
    {
        RegularFile.RequireReadable(file.FullName, "config file");
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
