using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Segmentation;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Tests;

/// <summary>Voice-activity segmentation of long recordings read as a stream: boundaries at the generated pauses, long speech cut, clicks dropped.</summary>
public sealed class SpeechSegmenterTests : IDisposable
{
    private readonly TestFiles _files = new();
    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Voiced bursts (a 120-220 Hz tone with three harmonics, 20 ms fades, level about -14 dBFS)
    /// between pauses of faint noise (about -65 dBFS); returns the bursts' (start, end) in seconds.
    /// </summary>
    internal static List<(double Start, double End)> WriteRecording(string path, double minutes, int seed, int rate = 16000)
    {
        var random = new Random(seed);
        var samples = new List<float>((int)(minutes * 60 * rate));
        var bursts = new List<(double, double)>();
        void Pause(double seconds) { for (int i = 0; i < (int)(seconds * rate); i++) samples.Add((float)((random.NextDouble() - 0.5) * 0.002)); }
        Pause(0.7);
        while (samples.Count < minutes * 60 * rate - 6 * rate)
        {
            double seconds = 0.8 + 3.2 * random.NextDouble(), f0 = 120 + 100 * random.NextDouble();
            int n = (int)(seconds * rate), fade = rate / 50;
            bursts.Add((samples.Count / (double)rate, (samples.Count + n) / (double)rate));
            for (int i = 0; i < n; i++)
            {
                double t = i / (double)rate, envelope = Math.Min(1, Math.Min(i, n - 1 - i) / (double)fade);
                double v = 0;
                for (int h = 1; h <= 4; h++) v += Math.Sin(2 * Math.PI * f0 * h * t) / h;
                samples.Add((float)(0.2 * envelope * v));
            }
            Pause(0.5 + 1.5 * random.NextDouble());
        }
        WavWriter.WritePcm16(path, samples.ToArray(), rate);
        return bursts;
    }

    private static List<AudioSegment> Segment(string path, SpeechSegmenterOptions? options = null)
    {
        using var audio = new WavStream(path, new WavLimits { MaxDurationSeconds = 3600 });
        return new SpeechSegmenter(options).Segments(audio).ToList();
    }

    [Fact]
    public void TenMinutesOfSpeechAndPausesAreCutWithin30MillisecondsOfThePauses()
    {
        string path = _files.PathOf("ten-minutes.wav");
        var bursts = WriteRecording(path, 10, seed: 3);
        var segments = Segment(path);
        Assert.Equal(bursts.Count, segments.Count);
        for (int i = 0; i < bursts.Count; i++)
        {
            Assert.InRange(segments[i].StartSeconds, bursts[i].Start - 0.03, bursts[i].Start + 0.03);
            Assert.InRange(segments[i].EndSeconds, bursts[i].End - 0.03, bursts[i].End + 0.03);
            Assert.Equal((int)Math.Round((segments[i].EndSeconds - segments[i].StartSeconds) * 16000), segments[i].Samples.Length);
        }
    }

    [Fact]
    public void SpeechLongerThanTheLongestSegmentIsCutAndAClickIsDropped()
    {
        var samples = new float[16000 * 28];
        for (int i = 16000; i < 16000 * 26; i++) samples[i] = 0.3f * MathF.Sin(2 * MathF.PI * 200 * i / 16000f);
        for (int i = 16000 * 27; i < 16000 * 27 + 800; i++) samples[i] = 0.5f;   // a 50 ms click
        string path = _files.PathOf("long.wav");
        WavWriter.WritePcm16(path, samples, 16000);
        var segments = Segment(path, new SpeechSegmenterOptions { MaxSegmentSeconds = 10, MinSegmentSeconds = 0.25 });
        Assert.Equal([(1.0, 11.0), (11.0, 21.0), (21.0, 26.0)], segments.Select(s => (Math.Round(s.StartSeconds, 2), Math.Round(s.EndSeconds, 2))));
        // A threshold above the tone's level (about -13.5 dBFS) keeps nothing.
        Assert.Empty(Segment(path, new SpeechSegmenterOptions { ThresholdDb = -5 }));
    }

    [Theory]
    [InlineData(nameof(SpeechSegmenterOptions.ThresholdDb), "ThresholdDb: expected a level in dBFS from -120 to below 0, found 3.")]
    [InlineData(nameof(SpeechSegmenterOptions.MaxSegmentSeconds), "MaxSegmentSeconds: expected more than MinSegmentSeconds (0.25) and at most 600 seconds, found 0.1.")]
    public void OptionsRefuseValuesOutOfRangeInOneLine(string property, string message)
    {
        var options = new SpeechSegmenterOptions();
        if (property == nameof(options.ThresholdDb)) options.ThresholdDb = 3;
        else options.MaxSegmentSeconds = 0.1;
        var error = Assert.Throws<OptionOutOfRangeException>(() => new SpeechSegmenter(options));
        Assert.Equal(property, error.ParamName);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void NotAWavIsAnErrorNamingTheFile()
    {
        string path = _files.PathOf("notes.wav");
        File.WriteAllText(path, "not audio");
        var error = Assert.Throws<InvalidDataException>(() => Segment(path));
        Assert.StartsWith(path + ": not a WAV file", error.Message);
    }
}
