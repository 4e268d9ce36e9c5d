using System.CommandLine;
using System.Text.Json;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa train</c>: run one experiment configuration (a preset, a file, flags and <c>--set</c>), report test metrics, save a bundle.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var arguments = new ConfigArguments();
        var output = new Option<string>("--output") { Description = "Where to save the model bundle (the result file goes beside it).", DefaultValueFactory = _ => "model.zip" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var task = new Option<string?>("--task") { Description = "mosi, mosei, sims: regression (MMSA's protocol, the default) or classification (the class view)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines (stages and one line per epoch on standard error)." };
        var loss = new Option<string?>("--loss") { Description = "mosi, mosei, sims: the regression loss, l1 (MMSA's, the default) or mse (overrides the config)." };
        var command = new Command("train", "Train a model on a dataset, print its test metrics and save a model bundle.");
        arguments.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(task);
        command.Options.Add(loss);
        command.Options.Add(quiet);
        var testDataset = new Option<string?>("--test-dataset") { Description = "Cross-corpus: score on this emotion corpus (all its rows) on the classes both share (training settings from the flags, as for mosi)." };
        var testRoot = new Option<string?>("--test-root") { Description = "The folder of --test-dataset." };
        command.Options.Add(testDataset);
        command.Options.Add(testRoot);
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string bundle = parse.GetValue(output)!;
            string?[] inputs = [parse.GetValue(arguments.Root), parse.GetValue(arguments.Config)?.FullName, parse.GetValue(testRoot)];
            OutputPath.CheckFile(bundle, "--output", inputs);
            OutputPath.CheckFile(Path.ChangeExtension(bundle, parse.GetValue(arguments.Loso) ? ".loso.json" : ".results.json"), "--output's result file", inputs);
            if (parse.GetValue(arguments.Dataset) is { } name && DatasetLoader.IsIntensity(name))
                return MmsaTrainCommand.Run(parse, arguments, parse.GetValue(task), parse.GetValue(loss), bundle, parse.GetValue(json));
            if (parse.GetValue(testDataset) is { } test)
            {
                if (parse.GetValue(arguments.Loso)) throw new ArgumentException("--test-dataset and --loso cannot be combined.");
                return MmsaTrainCommand.Run(parse, arguments, "classification", null, bundle, parse.GetValue(json), test, parse.GetValue(testRoot));
            }
            if (parse.GetValue(task) is not null || parse.GetValue(loss) is not null)
                throw new ArgumentException("--task and --loss apply to the sentiment-intensity datasets (mosi, mosei, sims).");
            var config = ExperimentConfigResolver.Resolve(arguments.Overlay(parse));
            TableArguments.Describe(config.Dataset.Name, config.Dataset.Root, config.Dataset.Map, config.Dataset.Encoding);
            var outcome = ConfiguredExperiment.Run(config, bundle, warnings =>
            {
                foreach (string warning in warnings) Console.Error.WriteLine($"msa: warning: {warning}");
            }, parse.GetValue(quiet) ? null : new LineProgress());
            bool loso = config.Evaluation.Protocol is EvaluationProtocol.LeaveOneSessionOut or EvaluationProtocol.LeaveOneSpeakerOut;
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    dataset = config.Dataset.Name,
                    model = config.Model.Name,
                    preset = config.Preset,
                    seeds = config.Evaluation.Seeds,
                    runs = outcome.Runs.Select(r => new { key = r.Key, accuracy = r.Metrics.WeightedAccuracy, ua = r.Metrics.UnweightedAccuracy }),
                    metrics = outcome.Summary.ToDictionary(m => m.Key, m => new { mean = m.Value.Mean, std = m.Value.StandardDeviation }),
                    scoredSplit = outcome.ScoredSplit,
                    bundle = loso ? null : bundle,
                    results = outcome.ResultFile,
                    warnings = outcome.Warnings,
                }, CliJson.Options));
            else
            {
                string Show(string metric) => outcome.Summary.TryGetValue(metric, out var m) ? m.Format() : "n/a";
                if (loso)
                    foreach (var (key, metrics) in outcome.Runs)
                        AnsiConsole.MarkupLine($"test {Markup.Escape(key)}: WA {metrics.WeightedAccuracy:P1}, UA {metrics.UnweightedAccuracy:P1}");
                string scored = outcome.ScoredSplit == SplitNames.Test ? "test split" : $"{outcome.ScoredSplit} split, no test rows";
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(config.Model.Name)}[/] ({Markup.Escape(config.Preset)}) on {Markup.Escape(config.Dataset.Name)}, seed(s) {string.Join(", ", config.Evaluation.Seeds)}, {Markup.Escape(scored)}: " +
                    $"WA {Show(MetricNames.WeightedAccuracy)}, UA {Show(MetricNames.UnweightedAccuracy)}, macro F1 {Show(MetricNames.MacroF1)}");
                AnsiConsole.MarkupLine(loso ? $"results {Markup.Escape(outcome.ResultFile)}" : $"saved {Markup.Escape(bundle)}; results {Markup.Escape(outcome.ResultFile)}");
            }
            return CommandErrors.Success;
        }));
        return command;
    }
}
