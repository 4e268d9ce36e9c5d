using System.CommandLine;
using System.Text.Json;
using MsaMl.Experiments;
using MsaMl.Experiments.Configuration;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Evaluation;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary>
/// <c>msa train</c>: run one experiment configuration (a preset, a file, flags and <c>--set</c>) for
/// any dataset and protocol (test split, leave-one-out, MMSA's regression protocol, cross-corpus),
/// report the task's metrics, save a bundle.
/// </summary>
internal static class TrainCommand
{
    private const int ExtractionProgressEvery = 50;

    public static Command Create()
    {
        var arguments = new ConfigArguments();
        var output = new Option<string>("--output") { Description = "Where to save the model bundle (the result file goes beside it).", DefaultValueFactory = _ => "model.zip" };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress lines (stages and one line per epoch on standard error)." };
        var command = new Command("train", "Train a model on a dataset, print its test metrics and save a model bundle.");
        arguments.AddTo(command);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(quiet);
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string bundle = parse.GetValue(output)!;
            string?[] inputs = [parse.GetValue(arguments.Root), parse.GetValue(arguments.Config)?.FullName, parse.GetValue(arguments.TestRoot)];
            OutputPath.CheckFile(bundle, "--output", inputs);
            OutputPath.CheckFile(Path.ChangeExtension(bundle, parse.GetValue(arguments.Loso) ? ".loso.json" : ".results.json"), "--output's result file", inputs);
            var config = ExperimentConfigResolver.Resolve(arguments.Overlay(parse));
            var outcome = ConfiguredExperiment.Run(config, bundle,
                warnings => { foreach (string warning in warnings) Console.Error.WriteLine($"msa: warning: {warning}"); },
                parse.GetValue(quiet) ? null : new LineProgress(),
                summary => Console.Error.WriteLine($"msa: {summary}"),
                new ExtractionReporter());
            bool loso = config.Evaluation.Protocol is EvaluationProtocol.LeaveOneSessionOut or EvaluationProtocol.LeaveOneSpeakerOut;
            var names = outcome.Evaluator.MetricNames;
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    dataset = config.Dataset.Name,
                    model = config.Model.Name,
                    preset = config.Preset,
                    task = config.Regression ? "regression" : "classification",
                    protocol = outcome.Evaluator.Protocol,
                    seeds = config.Evaluation.Seeds,
                    runs = outcome.Runs.Select(r => new
                    {
                        key = r.Key,
                        accuracy = (r.Metrics as ClassificationMetrics)?.WeightedAccuracy,
                        ua = (r.Metrics as ClassificationMetrics)?.UnweightedAccuracy,
                        metrics = r.Metrics.ToNamedValues().Where(v => names.Contains(v.Key)).ToDictionary(v => v.Key, v => v.Value),
                    }),
                    metrics = names.Where(outcome.Summary.ContainsKey).ToDictionary(n => n, n => new { mean = outcome.Summary[n].Mean, std = outcome.Summary[n].StandardDeviation }),
                    missingModality = outcome.MissingModality.Select(row => new
                    {
                        given = row.Given.Describe(),
                        missing = row.Missing.Describe(),
                        metrics = names.Where(row.Summary.ContainsKey).ToDictionary(n => n, n => new { mean = row.Summary[n].Mean, std = row.Summary[n].StandardDeviation }),
                    }),
                    scoredSplit = outcome.ScoredSplit,
                    bundle = loso ? null : bundle,
                    results = outcome.ResultFile,
                    warnings = outcome.Warnings,
                }, CliJson.Options));
            else
            {
                string Show(string metric) => outcome.Summary.TryGetValue(metric, out var m) ? m.Format() : "n/a";
                string scored = outcome.ScoredSplit == SplitNames.Test ? "test split" : $"{outcome.ScoredSplit} split, no test rows";
                string seeds = $"seed(s) {string.Join(", ", config.Evaluation.Seeds)}";
                if (outcome.Evaluator.Regression is { } dataset)
                {
                    string on = DatasetLoader.IsIntensity(config.Dataset.Name) ? dataset.DisplayName() : config.Dataset.Name;
                    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(config.Model.Name)}[/] ({Markup.Escape(config.Preset)}) on {Markup.Escape(on)} (regression, MMSA's metrics), {seeds}:");
                    foreach (string name in names)
                        AnsiConsole.MarkupLine($"  {Markup.Escape(name),-14} {Markup.Escape(Show(name))}");
                    AnsiConsole.MarkupLine($"protocol: {Markup.Escape(outcome.Evaluator.Protocol!)}");
                }
                else
                {
                    if (loso)
                        foreach (var (key, metrics) in outcome.Runs)
                            if (metrics is ClassificationMetrics c)
                                AnsiConsole.MarkupLine($"test {Markup.Escape(key)}: WA {c.WeightedAccuracy:P1}, UA {c.UnweightedAccuracy:P1}");
                    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(config.Model.Name)}[/] ({Markup.Escape(config.Preset)}) on {Markup.Escape(config.Dataset.Name)}, {seeds}, {Markup.Escape(scored)}: " +
                        $"WA {Show(MetricNames.WeightedAccuracy)}, UA {Show(MetricNames.UnweightedAccuracy)}, macro F1 {Show(MetricNames.MacroF1)}");
                }
                WriteMissingModalityTable(outcome, names);
                AnsiConsole.MarkupLine(loso ? $"results {Markup.Escape(outcome.ResultFile)}" : $"saved {Markup.Escape(bundle)}; results {Markup.Escape(outcome.ResultFile)}");
            }
            return CommandErrors.Success;
        }));
        return command;
    }

    /// <summary>
    /// The missing-modality table under the metrics: the model with every input, then with each
    /// subset of its modalities missing from the test rows, the task's metrics and their change.
    /// </summary>
    private static void WriteMissingModalityTable(ConfiguredExperiment.Outcome outcome, IReadOnlyList<string> names)
    {
        if (outcome.MissingModality.Count == 0) return;
        var shown = names.Where(outcome.Summary.ContainsKey).ToList();
        var table = new Table().Border(TableBorder.Simple).Title("missing-modality table (test rows, inputs emptied)");
        table.AddColumn("given").AddColumn("missing");
        foreach (string name in shown) table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        var all = outcome.MissingModality[0].Given | outcome.MissingModality[0].Missing;
        table.AddRow([Markup.Escape(all.Describe()), "—", .. shown.Select(n => Markup.Escape(outcome.Summary[n].Format()))]);
        foreach (var row in outcome.MissingModality)
            table.AddRow([Markup.Escape(row.Given.Describe()), Markup.Escape(row.Missing.Describe()),
                .. shown.Select(n => row.Summary.TryGetValue(n, out var m) ? Markup.Escape($"{m.Format()} ({Change(m.Mean - outcome.Summary[n].Mean)})") : "n/a")]);
        AnsiConsole.Write(table);
    }

    private static string Change(double difference) =>
        (difference >= 0 ? "+" : "−") + Math.Abs(difference).ToString(MetricFormat.DefaultNumberFormat, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Writes audio-extraction progress to standard error every <see cref="ExtractionProgressEvery"/> clips and at the end.</summary>
    private sealed class ExtractionReporter : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value)
        {
            if (value.Done % ExtractionProgressEvery == 0 || value.Done == value.Total)
                Console.Error.WriteLine($"msa: audio from videos (ffmpeg, 16 kHz mono): {value.Done}/{value.Total}");
        }
    }
}
