using System.Text.Json;
using MsaMl.Datasets.Video;
using MsaMl.Experiments;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary>
/// <c>msa train --dataset mosi|mosei|sims</c> in its default regression view: MMSA's protocol over
/// the seeds, MMSA's metrics printed as mean ± std, the protocol named in the result file.
/// </summary>
internal static class IntensityTrainCommand
{
    private const int ProgressEvery = 50;

    public static int Run(IntensityTraining.Options options, string modelName, bool json)
    {
        var extraction = new ExtractionReporter();
        var outcome = IntensityTraining.Run(options, progress: null, extraction);
        foreach (string warning in outcome.Warnings) Console.Error.WriteLine($"msa: warning: {warning}");
        var dataset = MmsaDatasets.Parse(options.Dataset)!.Value;
        var names = MmsaProtocol.MetricNamesOf(dataset);
        var summary = outcome.Result.Summary;
        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new
            {
                dataset = options.Dataset,
                model = modelName,
                task = "regression",
                protocol = outcome.Protocol,
                seeds = outcome.Result.Seeds,
                metrics = names.Where(summary.ContainsKey).ToDictionary(n => n, n => new { mean = summary[n].Mean, std = summary[n].StandardDeviation }),
                bundle = options.BundlePath,
                results = outcome.ResultFile,
            }, CliJson.Options));
            return CommandErrors.Success;
        }
        AnsiConsole.MarkupLine($"[bold]{Markup.Escape(modelName)}[/] on {Markup.Escape(dataset.DisplayName())} (regression, MMSA's metrics), seed(s) {string.Join(", ", outcome.Result.Seeds)}:");
        foreach (string name in names)
            AnsiConsole.MarkupLine($"  {Markup.Escape(name),-14} {Markup.Escape(summary.TryGetValue(name, out var m) ? m.Format() : "n/a")}");
        AnsiConsole.MarkupLine($"protocol: {Markup.Escape(outcome.Protocol)}");
        AnsiConsole.MarkupLine($"saved {Markup.Escape(options.BundlePath)}; results {Markup.Escape(outcome.ResultFile)}");
        return CommandErrors.Success;
    }


    /// <summary>Writes audio-extraction progress to standard error every <see cref="ProgressEvery"/> clips and at the end.</summary>
    private sealed class ExtractionReporter : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value)
        {
            if (value.Done % ProgressEvery == 0 || value.Done == value.Total)
                Console.Error.WriteLine($"msa: audio from videos (ffmpeg, 16 kHz mono): {value.Done}/{value.Total}");
        }
    }
}
