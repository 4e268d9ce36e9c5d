using System.CommandLine;
using System.Text.Json;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Scoring;
using MsaMl.Transforms.Core;
using Spectre.Console;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa predict</c>: score one example with a saved bundle.</summary>
internal static class PredictCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model bundle (.zip).", Required = true };
        var text = new Option<string>("--text") { Description = "The transcript or caption.", DefaultValueFactory = _ => "" };
        var audio = new Option<string?>("--audio") { Description = "A WAV file (speech models)." };
        var image = new Option<string?>("--image") { Description = "An image file (image models)." };
        var json = new Option<bool>("--json") { Description = "Print label and scores as JSON." };
        var command = new Command("predict", "Predict the label of one example with a saved model bundle.") { model, text, audio, image, json };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string? audioPath = parse.GetValue(audio), imagePath = parse.GetValue(image);
            if (!string.IsNullOrEmpty(audioPath)) RegularFile.RequireReadable(audioPath, "audio file");
            if (!string.IsNullOrEmpty(imagePath)) RegularFile.RequireReadable(imagePath, "image file");
            var ml = new MLContext(seed: 1);
            string modelPath = parse.GetValue(model)!;
            var (bundle, classes, inputSchema) = BundleScoring.Load(ml, modelPath);
            if (BundleScoring.ScoredModalities(bundle, inputSchema) is { } reads)
                foreach (var (path, option, modality) in new[] { (audioPath, "--audio", Modalities.Audio), (imagePath, "--image", Modalities.Image) })
                    if (!string.IsNullOrEmpty(path) && !reads.HasFlag(modality))
                        throw new ArgumentException($"{option}: the model {modelPath} does not read {modality.Describe()}; it reads {reads.Describe()}.");
            var row = new MultimodalRecord
            {
                Text = parse.GetValue(text)!,
                AudioPath = Full(parse.GetValue(audio)),
                ImagePath = Full(parse.GetValue(image)),
            };
            if (classes.Length == 0)
            {
                float intensity = BundleScoring.IntensityEngine(ml, bundle).Predict(row).Score;
                foreach (string warning in BundleScoring.Warnings(bundle)) Console.Error.WriteLine($"warning: {warning}");
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(new { intensity }, CliJson.Options));
                else AnsiConsole.MarkupLine($"sentiment intensity: [bold]{intensity:F3}[/]");
                return CommandErrors.Success;
            }
            var prediction = BundleScoring.Engine(ml, bundle).Predict(row);
            foreach (string warning in BundleScoring.Warnings(bundle)) Console.Error.WriteLine($"warning: {warning}");
            string label = classes[(int)prediction.PredictedLabel - 1];
            var scores = classes.Select((c, i) => (c, prediction.Score[i])).ToDictionary(p => p.c, p => p.Item2);
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new { label, scores }, CliJson.Options));
            else
            {
                AnsiConsole.MarkupLine($"label: [bold]{Markup.Escape(label)}[/]");
                foreach (var (c, s) in scores.OrderByDescending(p => p.Value)) AnsiConsole.MarkupLine($"  {Markup.Escape(c)}: {s:F3}");
            }
            return CommandErrors.Success;
        }));
        return command;
    }

    private static string Full(string? path) => string.IsNullOrEmpty(path) ? "" : Path.GetFullPath(path);
}
