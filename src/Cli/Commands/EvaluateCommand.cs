using System.CommandLine;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Pipelines.Datasets;
using MsaMl.Pipelines.Experiments;
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
        var map = TableArguments.Map();
        var encoding = TableArguments.Encoding();
        var command = new Command("evaluate", "Evaluate a saved model bundle on a dataset split.") { model, dataset, root, split, json, map, encoding };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            var ml = new MLContext(seed: 1);
            var (bundle, classes) = BundleScoring.Load(ml, parse.GetValue(model)!);
            var (records, _) = DatasetLoader.Load(ml, parse.GetValue(dataset)!, parse.GetValue(root), parse.GetValue(map), parse.GetValue(encoding));
            string splitName = parse.GetValue(split)!;
            var rows = records.Where(r => r.Split == splitName).Select(ExperimentTask.Standard).ToList();
            if (rows.Count == 0) throw new InvalidDataException($"The dataset has no rows in split '{splitName}'.");
            var unknown = rows.Select(r => r.Label).Distinct().Except(classes).ToList();
            if (unknown.Count > 0) throw new InvalidDataException($"Labels {string.Join(", ", unknown)} are not classes of the model ({string.Join(", ", classes)}).");

            var metrics = ml.MulticlassClassification.Evaluate(bundle.Transform(ml.Data.LoadFromEnumerable(rows)));
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new { rows = rows.Count, accuracy = metrics.MicroAccuracy, macroAccuracy = metrics.MacroAccuracy, logLoss = metrics.LogLoss, classes }));
            else
            {
                AnsiConsole.MarkupLine($"{rows.Count} rows ({Markup.Escape(splitName)}): accuracy (WA) {metrics.MicroAccuracy:P1}, UA {metrics.MacroAccuracy:P1}, log-loss {metrics.LogLoss:F3}");
                AnsiConsole.WriteLine(metrics.ConfusionMatrix.GetFormattedConfusionTable());
            }
            return CommandErrors.Success;
        }));
        return command;
    }
}
