using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Segmentation;
using MsaMl.Transforms.Core;

namespace MsaMl.Pipelines.Scoring;

/// <summary>
/// A long recording scored segment by segment with a saved bundle: <see cref="SpeechSegmenter"/>
/// cuts it while it is read block by block, and each segment is scored as one utterance (written
/// to a temporary WAV that the bundle's featurizers read, then deleted). Memory stays that of one
/// segment and the bundle, whatever the recording's length.
/// </summary>
public static class AudioTimeline
{
    /// <summary>Long recordings may last up to this (the featurizers' own limit is for one utterance).</summary>
    public const double MaxRecordingSeconds = 24 * 3600;

    /// <summary>The scored segments of <paramref name="wavPath"/>, in order; <paramref name="progress"/> receives the seconds read.</summary>
    /// <param name="ml">The context.</param>
    /// <param name="model">The bundle's model (<see cref="BundleScoring.Load"/>).</param>
    /// <param name="classes">Its class names; empty for a regression bundle.</param>
    /// <param name="wavPath">The recording.</param>
    /// <param name="segmenter">How the recording is cut.</param>
    /// <param name="text">The transcript every segment is scored with; empty: the text is missing.</param>
    /// <param name="progress">Seconds of the recording read so far.</param>
    public static IEnumerable<TimelineSegment> Score(MLContext ml, ITransformer model, string[] classes, string wavPath,
        SpeechSegmenterOptions? segmenter = null, string text = "", IProgress<double>? progress = null)
    {
        var limits = new WavLimits { MaxDurationSeconds = MaxRecordingSeconds, MaxFileBytes = long.MaxValue };
        using var audio = new WavStream(wavPath, limits);
        var classifier = classes.Length > 0 ? BundleScoring.Engine(ml, model) : null;
        var regression = classes.Length == 0 ? BundleScoring.IntensityEngine(ml, model) : null;
        string folder = Directory.CreateTempSubdirectory("msaml-timeline-").FullName;
        try
        {
            string segmentPath = Path.Combine(folder, "segment.wav");
            foreach (var segment in new SpeechSegmenter(segmenter).Segments(audio, progress))
            {
                WavWriter.WritePcm16(segmentPath, segment.Samples, segment.SampleRate);
                var row = new MultimodalRecord { AudioPath = segmentPath, Text = text };
                if (classifier != null)
                {
                    var prediction = classifier.Predict(row);
                    var probabilities = classes.Select((c, i) => (c, prediction.Score[i])).ToDictionary(p => p.c, p => p.Item2);
                    yield return new TimelineSegment(segment.StartSeconds, segment.EndSeconds, classes[(int)prediction.PredictedLabel - 1], probabilities, null);
                }
                else
                    yield return new TimelineSegment(segment.StartSeconds, segment.EndSeconds, null, new Dictionary<string, float>(), regression!.Predict(row).Score);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
