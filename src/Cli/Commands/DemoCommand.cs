using System.CommandLine;
using MsaMl.Experiments;
using MsaMl.Trainers.Training;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa demo</c>: the end-to-end run on the embedded demo corpus.</summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "A short run (few epochs) for smoke tests." };
        var output = new Option<string>("--output") { Description = "Folder for the report, plots and model bundles.", DefaultValueFactory = _ => "msa-output" };
        var seed = new Option<int>("--seed") { Description = "Seed of weights, shuffling and dropout.", DefaultValueFactory = _ => 1 };
        var corpus = new Option<string?>("--corpus") { Description = "The demo corpus folder (default: datasets/demo found from here)." };
        var command = new Command("demo", "Train and evaluate text-only, audio-only, AAT, image-only, OTE, early and late fusion on the embedded demo corpus.")
        {
            quick, output, seed, corpus,
        };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            OutputPath.CheckFolder(parse.GetValue(output)!, "--output");
            return Run(new DemoOptions
            {
                Quick = parse.GetValue(quick),
                OutputFolder = parse.GetValue(output)!,
                Seed = parse.GetValue(seed),
                CorpusRoot = parse.GetValue(corpus),
            });
        }));
        return command;
    }

    private static int Run(DemoOptions options)
    {
        var result = AnsiConsole.Profile.Capabilities.Interactive ? RunWithBars(options)
            // Redirected, Spectre's progress prints each task as "description: percent", stages as
            // ": 0%", wrapped at 80 columns: plain lines on standard error instead, as msa train writes.
            : DemoExperiment.Run(options, new LineProgress());

        foreach (var task in result.Models.GroupBy(m => m.Task))
        {
            var table = new Table().Title($"[bold]{task.Key}[/] (test split)")
                .AddColumn("model").AddColumn("accuracy (WA)").AddColumn("UA").AddColumn("macro F1").AddColumn("parameters").AddColumn("train s");
            double bestSingle = task.Where(m => m.Kind is "first" or "text").Max(m => m.Accuracy);
            foreach (var m in task)
            {
                string accuracy = $"{m.Accuracy:P1}";
                if (m.Kind is "both" or "head" or "early" or "late" && m.Accuracy > bestSingle) accuracy = $"[green]{accuracy}[/]";
                table.AddRow(Markup.Escape(m.Model), accuracy, $"{m.MacroAccuracy:P1}", $"{m.MacroF1:F3}", $"{m.Parameters:N0}", $"{m.SecondsToTrain:F1}");
            }
            AnsiConsole.Write(table);
        }
        if (result.Intensity is { Count: > 0 } intensity)
        {
            var table = new Table().Title("[bold]speech intensity[/] (regression, MMSA's metrics, test split)")
                .AddColumn("model").AddColumn("MAE").AddColumn("Corr").AddColumn("Has0 Acc-2").AddColumn("Non0 Acc-2").AddColumn("Acc-7");
            foreach (var m in intensity)
                table.AddRow(Markup.Escape(m.Model), $"{m.Metrics.MeanAbsoluteError:F3}", $"{m.Metrics.PearsonCorrelation:F3}",
                    $"{m.Metrics.Has0Accuracy2:P1}", $"{m.Metrics.Non0Accuracy2:P1}", $"{m.Metrics.Accuracy7:P1}");
            AnsiConsole.Write(table);
        }
        foreach (var example in result.Examples)
            AnsiConsole.MarkupLine($"reloaded bundle: [bold]{Markup.Escape(example.Id)}[/] \"{Markup.Escape(example.Text)}\" -> [bold]{Markup.Escape(example.Predicted)}[/] (truth {Markup.Escape(example.Truth)})");
        AnsiConsole.MarkupLine($"report: [link]{Markup.Escape(result.ReportPath)}[/]; bundles: {Markup.Escape(string.Join(", ", result.Bundles))}");
        return 0;
    }

    private static DemoResult RunWithBars(DemoOptions options)
    {
        DemoResult? result = null;
        // Refreshed from this thread only: a background renderer allocating while TorchSharp is
        // inside libtorch lets the GC finalize TorchSharp's temporary scalars mid-call, which
        // crashed training now and then (TorchSharp 0.107).
        AnsiConsole.Progress()
            .AutoClear(false)
            .AutoRefresh(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => result = DemoExperiment.Run(options, new SpectreProgress(context)));
        return result!;
    }

    private sealed class SpectreProgress(ProgressContext context) : IExperimentProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new();
        private ProgressTask? _stage;

        public void Stage(string task, string message)
        {
            _stage?.StopTask();
            _stage = context.AddTask(Markup.Escape($"{task}: {message}"), maxValue: 1);
            _stage.IsIndeterminate = true;
            context.Refresh();
        }

        public void Epoch(string task, string model, EpochReport report)
        {
            string key = task + "/" + model;
            if (!_tasks.TryGetValue(key, out var bar))
            {
                _stage?.StopTask();
                _stage = null;
                bar = _tasks[key] = context.AddTask(Markup.Escape($"{task}: {model}"), maxValue: report.Epochs);
            }
            bar.Value = report.Epoch;
            bar.Description = Markup.Escape($"{task}: {model}, loss {report.TrainLoss:F3}" + (report.ValidationAccuracy is double v ? $", val {v:P0}" : ""));
            context.Refresh();
        }
    }
}
