namespace MsaMl.Transforms.Audio.Segmentation;

/// <summary>
/// Cuts a recording, read block by block from a <see cref="WavStream"/>, into utterance-like
/// segments by frame energy (<see cref="SpeechSegmenterOptions"/>). Memory is bounded by the
/// longest segment whatever the recording's length: only the samples of the segment being built
/// are kept. Boundaries fall on 10 ms frames: a segment starts at its first voiced frame and ends
/// after its last.
/// </summary>
public sealed class SpeechSegmenter
{
    private readonly SpeechSegmenterOptions _options;

    public SpeechSegmenter(SpeechSegmenterOptions? options = null) => _options = (options ?? new SpeechSegmenterOptions()).Validate();

    /// <summary>The segments of <paramref name="audio"/> in order; <paramref name="progress"/> receives the seconds read so far.</summary>
    public IEnumerable<AudioSegment> Segments(WavStream audio, IProgress<double>? progress = null)
    {
        int rate = audio.SampleRate;
        int frame = Math.Max(1, rate / 100);
        int pauseFrames = (int)Math.Ceiling(_options.MinPauseSeconds * 100);
        int maxSamples = (int)(_options.MaxSegmentSeconds * rate);
        int minSamples = (int)(_options.MinSegmentSeconds * rate);
        // Mean square above this is a voiced frame.
        double threshold = Math.Pow(10, _options.ThresholdDb / 10);
        var block = new float[frame * 100];
        var segment = new float[maxSamples + frame];
        int held = 0, voicedEnd = 0, silentFrames = 0;
        long segmentStart = -1, position = 0;

        AudioSegment? Close()
        {
            var done = voicedEnd >= minSamples
                ? new AudioSegment(segmentStart / (double)rate, (segmentStart + voicedEnd) / (double)rate, segment[..voicedEnd], rate)
                : null;
            segmentStart = -1;
            held = voicedEnd = silentFrames = 0;
            return done;
        }

        int read;
        while ((read = audio.Read(block)) > 0)
        {
            for (int at = 0; at < read; at += frame)
            {
                int length = Math.Min(frame, read - at);
                var samples = block.AsSpan(at, length);
                double power = 0;
                foreach (float v in samples) power += (double)v * v;
                bool voiced = power / length > threshold;
                if (segmentStart < 0)
                {
                    if (voiced)
                    {
                        segmentStart = position + at;
                        samples.CopyTo(segment);
                        held = voicedEnd = length;
                    }
                }
                else
                {
                    samples.CopyTo(segment.AsSpan(held));
                    held += length;
                    if (voiced) { voicedEnd = held; silentFrames = 0; }
                    else silentFrames++;
                    if (silentFrames >= pauseFrames || held >= maxSamples)
                    {
                        if (held >= maxSamples && voiced) voicedEnd = held;
                        if (Close() is { } done) yield return done;
                    }
                }
            }
            position += read;
            progress?.Report(position / (double)rate);
        }
        if (segmentStart >= 0 && Close() is { } last) yield return last;
    }
}
