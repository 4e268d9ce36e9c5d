using System.CommandLine;
using System.Text.Json.Nodes;
using MsaMl.Experiments.Configuration;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Transforms.Core;
using MsaMl.Experiments;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary>
/// <c>msa featurize</c>: runs a dataset's featurizers once (spectrogram or image tensor, BERT
/// embeddings) and saves every row with its features as an ML.NET binary .idv, so experiments
/// can load features instead of re-running the encoders.
/// </summary>
internal static class FeaturizeCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "Dataset name (as for train).", Required = true };
        var root = new Option<string?>("--root") { Description = "The dataset folder." };
        var output = new Option<string>("--output") { Description = "The .idv file to write.", DefaultValueFactory = _ => "features.idv" };
        var quick = new Option<bool>("--quick") { Description = "Image tasks: raw pixels only, no ResNet-18 features." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress (rows featurized, rate, time left) on standard error." };
        var map = TableArguments.Map();
        var encoding = TableArguments.Encoding();
        var command = new Command("featurize", "Featurize a dataset once and save the rows with their features as an ML.NET .idv file.") { dataset, root, output, quick, quiet, map, encoding };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string path = parse.GetValue(output)!;
            OutputPath.CheckFile(path, "--output", parse.GetValue(root));
            var ml = new MLContext(seed: 1);
            string name = parse.GetValue(dataset)!;
            var (records, labels, warnings, _) = DatasetLoader.Read(ml, name, parse.GetValue(root), parse.GetValue(map), parse.GetValue(encoding));
            ReaderWarnings.Print(warnings);
            // The featurizers msa train would fit: the fast preset's for this dataset.
            var overlay = new JsonObject();
            ConfigOverlay.Set(overlay, "dataset.name", JsonValue.Create(name));
            if (parse.GetValue(map) is { } columns) ConfigOverlay.Set(overlay, "dataset.map", JsonValue.Create(columns));
            ConfigOverlay.Set(overlay, "training.quick", JsonValue.Create(parse.GetValue(quick)));
            var task = ConfiguredTask.Create(ml, name, records, labels, ExperimentConfigResolver.Resolve(overlay));
            var featurizer = RecordInputErrors.Located(() => task.Featurizer.Fit(task.Split(ml, SplitNames.Train)), task.RecordsOf(SplitNames.Train), SplitNames.Train);
            var all = ml.Data.LoadFromEnumerable(records.Select(ExperimentTask.Standard).ToList());
            if (!parse.GetValue(quiet)) ExperimentTask.AttachProgress(featurizer, ConsoleProgress.StandardError().Rows("featurizing"));
            var features = featurizer.Transform(all);
            var skipped = new SkippedImages(featurizer);

            RegularFile.RequireReplaceable(path);
            string full = Path.GetFullPath(path);
            string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                    RecordInputErrors.Located(() => { FeatureFile.Save(ml, features, stream); return path; }, records);
                File.Move(temp, full, overwrite: true);
            }
            finally
            {
                File.Delete(temp);
            }
            foreach (string warning in skipped.Since(records)) Console.Error.WriteLine($"msa: warning: {warning}");
            AnsiConsole.MarkupLine($"{records.Count} rows with {string.Join(", ", features.Schema.Skip(all.Schema.Count).Select(c => Markup.Escape(c.Name)))} saved to {Markup.Escape(path)}");
            return CommandErrors.Success;
        }));
        return command;
    }
}
