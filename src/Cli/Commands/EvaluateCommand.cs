using System.CommandLine;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Scoring;
using MsaMl.Experiments;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa evaluate</c>: metrics of a saved bundle on a dataset split.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model bundle (.zip).", Required = true };
        var dataset = new Option<string>("--dataset") { Description = "Dataset name (as for train).", Required = true };
        var root = new Option<string?>("--root") { Description = "The dataset folder." };
        var split = new Option<string>("--split") { Description = "train | validation | test.", DefaultValueFactory = _ => SplitNames.Test };
        var json = new Option<bool>("--json") { Description = "Print the metrics as JSON." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress (featurizing and scoring the rows) on standard error." };
        var map = TableArguments.Map();
        var encoding = TableArguments.Encoding();
        var command = new Command("evaluate", "Evaluate a saved model bundle on a dataset split.") { model, dataset, root, split, json, quiet, map, encoding };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            var ml = new MLContext(seed: 1);
            var (bundle, classes, inputSchema) = BundleScoring.Load(ml, parse.GetValue(model)!);
            string splitName = parse.GetValue(split)!;
            if (classes.Length == 0)
                return EvaluateIntensity(ml, bundle, parse.GetValue(dataset)!, parse.GetValue(root), splitName, parse.GetValue(json));
            var read = DatasetLoader.Read(ml, parse.GetValue(dataset)!, parse.GetValue(root), parse.GetValue(map), parse.GetValue(encoding));
            ReaderWarnings.Print(read.Warnings);
            var records = read.Records;
            var splitRecords = records.Where(r => r.Split == splitName).ToList();
            var rows = splitRecords.Select(ExperimentTask.Standard).ToList();
            if (rows.Count == 0) throw new InvalidDataException($"The dataset has no rows in split '{splitName}'.");
            var unknown = rows.Select(r => r.Label).Distinct().Except(classes).ToList();
            if (unknown.Count > 0) throw new InvalidDataException($"Labels {string.Join(", ", unknown)} are not classes of the model ({string.Join(", ", classes)}).");

            if (!parse.GetValue(quiet)) ExperimentTask.AttachProgress(bundle, ConsoleProgress.StandardError().Rows($"evaluating {splitName}"));
            var skipped = new SkippedImages(bundle);
            // The same metric set msa train reports (WA, UA, macro F1), from the same evaluator.
            var metrics = RecordInputErrors.Located(() => ml.Msa().Evaluation.EvaluateClassification(BundleScoring.ScoreLabeled(ml, bundle, classes, inputSchema, ml.Data.LoadFromEnumerable(rows))),
                splitRecords, splitName);
            foreach (string warning in skipped.Since(splitRecords, splitName)) Console.Error.WriteLine($"msa: warning: {warning}");
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    rows = rows.Count, accuracy = metrics.WeightedAccuracy, macroAccuracy = metrics.UnweightedAccuracy, macroF1 = metrics.MacroF1,
                    weightedF1 = metrics.WeightedF1, logLoss = metrics.LogLoss, metrics = metrics.ToNamedValues(), classes,
                }, CliJson.Options));
            else
            {
                AnsiConsole.MarkupLine($"{rows.Count} rows ({Markup.Escape(splitName)}): WA {metrics.WeightedAccuracy:P1}, UA {metrics.UnweightedAccuracy:P1}, macro F1 {metrics.MacroF1:P1}, log-loss {metrics.LogLoss:F3}");
                AnsiConsole.WriteLine(metrics.MlNetMetrics?.ConfusionMatrix.GetFormattedConfusionTable() ?? "");
            }
            return CommandErrors.Success;
        }));
        return command;
    }

    /// <summary>A regression bundle: MMSA's metrics of the dataset (mosi, mosei, sims) on the split.</summary>
    private static int EvaluateIntensity(MLContext ml, ITransformer bundle, string dataset, string? root, string splitName, bool json)
    {
        var kind = MmsaDatasets.Parse(dataset)
            ?? throw new ArgumentException($"The model is a regression (sentiment intensity) bundle; evaluate it on mosi, mosei or sims, not '{dataset}'.");
        var rows = DatasetLoader.ReadMmsa(ml, dataset, root, extractAudio: false, null).Records
            .Where(r => r.Split == splitName).Select(ExperimentTask.StandardIntensity).ToList();
        if (rows.Count == 0) throw new InvalidDataException($"The dataset has no rows in split '{splitName}'.");
        var metrics = MmsaProtocol.Evaluate(kind, bundle.Transform(ml.Data.LoadFromEnumerable(rows)), IntensityRecord.SentimentColumnName, "Score");
        var values = metrics.ToNamedValues();
        if (json)
            Console.WriteLine(JsonSerializer.Serialize(new { rows = rows.Count, protocol = MmsaProtocol.Describe(kind),
                metrics = values }, CliJson.Options));
        else
            AnsiConsole.MarkupLine($"{rows.Count} rows ({Markup.Escape(splitName)}): " +
                Markup.Escape(string.Join(", ", values.Select(v => $"{v.Key} {v.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture)}"))));
        return CommandErrors.Success;
    }
}
