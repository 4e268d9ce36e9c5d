using System.CommandLine;
using System.Diagnostics;
using Microsoft.ML;
using MsaMl.Datasets.Video;
using MsaMl.Experiments;
using MsaMl.Pipelines.Scoring;
using MsaMl.Transforms.Audio.Segmentation;
using MsaMl.Transforms.Core;

namespace MsaMl.Cli.Commands;

/// <summary><c>msa timeline</c>: a long recording or video cut into utterance-like segments, each scored with a saved bundle.</summary>
internal static class TimelineCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model bundle (.zip); it must read audio.", Required = true };
        var audio = new Option<string?>("--audio") { Description = "A WAV recording of any length (read block by block)." };
        var video = new Option<string?>("--video") { Description = "A video file: its audio track is extracted with ffmpeg first." };
        var text = new Option<string>("--text") { Description = "A transcript every segment is scored with (default: none, the text is missing).", DefaultValueFactory = _ => "" };
        var output = new Option<string>("--output") { Description = "The segments: .csv (start, end, label, one probability per class) or .json.", DefaultValueFactory = _ => "timeline.csv" };
        var plot = new Option<string?>("--plot") { Description = "A PNG of the class probabilities over time (default: beside --output, .png)." };
        var threshold = new Option<double>("--threshold-db") { Description = "Frame level in dBFS above which a 10 ms frame is voiced.", DefaultValueFactory = _ => new SpeechSegmenterOptions().ThresholdDb };
        var minPause = new Option<double>("--min-pause") { Description = "Shortest silence in seconds that ends a segment.", DefaultValueFactory = _ => new SpeechSegmenterOptions().MinPauseSeconds };
        var minSegment = new Option<double>("--min-segment") { Description = "Shortest segment in seconds that is kept.", DefaultValueFactory = _ => new SpeechSegmenterOptions().MinSegmentSeconds };
        var maxSegment = new Option<double>("--max-segment") { Description = "Longest segment in seconds; longer speech is cut.", DefaultValueFactory = _ => new SpeechSegmenterOptions().MaxSegmentSeconds };
        var quiet = new Option<bool>("--quiet") { Description = "No progress on standard error." };
        var command = new Command("timeline", "Cut a long recording into segments by voice activity and score each with a saved model bundle.")
            { model, audio, video, text, output, plot, threshold, minPause, minSegment, maxSegment, quiet };
        command.SetAction(parse => CommandErrors.Run(parse, () =>
        {
            string? audioPath = parse.GetValue(audio), videoPath = parse.GetValue(video);
            if (string.IsNullOrEmpty(audioPath) == string.IsNullOrEmpty(videoPath))
                throw new ArgumentException("--audio or --video: expected exactly one recording.");
            string input = audioPath ?? videoPath!;
            RegularFile.RequireReadable(input, audioPath != null ? "audio file" : "video file");
            string outputPath = parse.GetValue(output)!;
            string plotPath = parse.GetValue(plot) ?? Path.ChangeExtension(outputPath, ".png");
            OutputPath.CheckFile(outputPath, "--output", input);
            OutputPath.CheckFile(plotPath, "--plot", input);
            var segmenter = new SpeechSegmenterOptions
            {
                ThresholdDb = parse.GetValue(threshold), MinPauseSeconds = parse.GetValue(minPause),
                MinSegmentSeconds = parse.GetValue(minSegment), MaxSegmentSeconds = parse.GetValue(maxSegment),
            };
            try
            {
                segmenter.Validate();
            }
            catch (OptionOutOfRangeException ex)
            {
                var flags = new Dictionary<string, string>
                {
                    [nameof(segmenter.ThresholdDb)] = threshold.Name, [nameof(segmenter.MinPauseSeconds)] = minPause.Name,
                    [nameof(segmenter.MinSegmentSeconds)] = minSegment.Name, [nameof(segmenter.MaxSegmentSeconds)] = maxSegment.Name,
                };
                throw new ArgumentException(flags[ex.ParamName!] + ex.Message[ex.ParamName!.Length..]);
            }
            var ml = new MLContext(seed: 1);
            string modelPath = parse.GetValue(model)!;
            var (bundle, classes, inputSchema) = BundleScoring.Load(ml, modelPath);
            if (BundleScoring.ScoredModalities(bundle, inputSchema) is { } reads && !reads.HasFlag(Modalities.Audio))
                throw new ArgumentException($"--model: {modelPath} does not read audio; it reads {reads.Describe()}, and a timeline scores the audio of each segment.");

            using var soundtrack = new VideoSoundtrack();
            string recording = videoPath != null ? soundtrack.Extract(videoPath) : audioPath!;
            var display = parse.GetValue(quiet) ? null : ConsoleProgress.StandardError();
            var rows = display?.Rows("timeline: seconds of the recording");
            var clock = Stopwatch.StartNew();
            var progress = rows is null ? null : new SecondsRead(s => rows.Report(new FeaturizingProgress("timeline", (long)s, null, clock.Elapsed)));
            var segments = AudioTimeline.Score(ml, bundle, classes, recording, segmenter, parse.GetValue(text)!, progress).ToList();
            TimelineFile.Save(segments, classes, outputPath);
            TimelinePlot.Save(segments, plotPath, $"{Path.GetFileName(input)}: {Path.GetFileName(modelPath)}");
            Console.WriteLine($"{segments.Count} segments; wrote {outputPath} and {plotPath}");
            PredictCommand.WriteWarnings(bundle);
            return CommandErrors.Success;
        }));
        return command;
    }

    /// <summary>Reports on the reading thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class SecondsRead(Action<double> report) : IProgress<double>
    {
        public void Report(double value) => report(value);
    }
}
