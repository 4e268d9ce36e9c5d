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
        var video = new Option<string?>("--video") { Description = "A video file: its frames for models that read the visual stream, and its audio track (extracted with ffmpeg) for models that read audio, unless --audio is given." };
        var json = new Option<bool>("--json") { Description = "Print label and scores as JSON." };
        var command = new Command("predict", "Predict the label of one example with a saved model bundle.") { model, text, audio, image, video, json };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string? audioPath = parse.GetValue(audio), imagePath = parse.GetValue(image), videoPath = parse.GetValue(video);
            if (!string.IsNullOrEmpty(audioPath)) RegularFile.RequireReadable(audioPath, "audio file");
            if (!string.IsNullOrEmpty(imagePath)) RegularFile.RequireReadable(imagePath, "image file");
            if (!string.IsNullOrEmpty(videoPath)) RegularFile.RequireReadable(videoPath, "video file");
            var ml = new MLContext(seed: 1);
            string modelPath = parse.GetValue(model)!;
            var (bundle, classes, inputSchema) = BundleScoring.Load(ml, modelPath);
            var reads = BundleScoring.ScoredModalities(bundle, inputSchema);
            if (reads is { } known)
            {
                foreach (var (path, option, modality) in new[] { (audioPath, "--audio", Modalities.Audio), (imagePath, "--image", Modalities.Image) })
                    if (!string.IsNullOrEmpty(path) && !known.HasFlag(modality))
                        throw new ArgumentException($"{option}: the model {modelPath} does not read {modality.Describe()}; it reads {known.Describe()}.");
                if (!string.IsNullOrEmpty(videoPath) && (known & (Modalities.Visual | Modalities.Audio)) == 0)
                    throw new ArgumentException($"--video: the model {modelPath} reads neither the video's frames nor its audio; it reads {known.Describe()}.");
            }
            using var soundtrack = new VideoSoundtrack();
            if (string.IsNullOrEmpty(audioPath) && !string.IsNullOrEmpty(videoPath) && reads?.HasFlag(Modalities.Audio) != false)
                audioPath = soundtrack.Extract(videoPath);
            var row = new MultimodalRecord
            {
                Text = parse.GetValue(text)!,
                AudioPath = Full(audioPath),
                ImagePath = Full(imagePath),
                VideoPath = reads?.HasFlag(Modalities.Visual) != false ? Full(videoPath) : "",
            };
            if (reads is { } read)
                foreach (var missing in MissingModalities(read, row))
                    Console.Error.WriteLine($"note: the model reads {missing.Describe()}, and none was given; scored as a missing modality from the others.");
            if (classes.Length == 0)
            {
                float intensity = BundleScoring.IntensityEngine(ml, bundle).Predict(row).Score;
                WriteWarnings(bundle);
                if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(new { intensity }, CliJson.Options));
                else AnsiConsole.MarkupLine($"sentiment intensity: [bold]{intensity:F3}[/]");
                return CommandErrors.Success;
            }
            var prediction = BundleScoring.Engine(ml, bundle).Predict(row);
            WriteWarnings(bundle);
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

    /// <summary>What the bundle's transforms fell back on while scoring, on standard error.</summary>
    internal static void WriteWarnings(ITransformer bundle)
    {
        foreach (string warning in BundleScoring.Warnings(bundle)) Console.Error.WriteLine($"warning: {warning}");
    }

    private static string Full(string? path) => string.IsNullOrEmpty(path) ? "" : Path.GetFullPath(path);

    /// <summary>The modalities <paramref name="reads"/> names that <paramref name="row"/> leaves empty (the text is never invented).</summary>
    private static IEnumerable<Modalities> MissingModalities(Modalities reads, MultimodalRecord row)
    {
        foreach (var (modality, value) in new[] { (Modalities.Text, row.Text), (Modalities.Audio, row.AudioPath), (Modalities.Image, row.ImagePath), (Modalities.Visual, row.VideoPath) })
            if (reads.HasFlag(modality) && string.IsNullOrWhiteSpace(value)) yield return modality;
    }
}
