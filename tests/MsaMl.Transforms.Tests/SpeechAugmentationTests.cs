using MsaMl.Transforms.Audio;

namespace MsaMl.Transforms.Tests;

public sealed class SpeechAugmentationTests : IDisposable
{
    private const int Rate = 16000;
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-augment-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static float[] Tone(double frequency, double seconds = 1) =>
        Enumerable.Range(0, (int)(Rate * seconds)).Select(i => (float)(0.5 * Math.Sin(2 * Math.PI * frequency * i / Rate))).ToArray();

    /// <summary>The frequency of a steady tone from its upward zero crossings between 0.1 s and 0.1 s before the end.</summary>
    private static double Frequency(float[] x)
    {
        int from = Rate / 10, to = x.Length - Rate / 10, first = -1, last = -1, crossings = 0;
        for (int i = from + 1; i < to; i++)
        {
            if (x[i - 1] >= 0 || x[i] < 0) continue;
            if (first < 0) first = i; else crossings++;
            last = i;
        }
        return crossings * (double)Rate / (last - first);
    }

    [Theory]
    [InlineData(1.1)]
    [InlineData(0.9)]
    public void SpeedRaisesPitchAndShortensByTheAppliedFactor(double factor)
    {
        var (faster, applied) = SpeechAugmentation.ChangeSpeed(Tone(200), Rate, factor);
        Assert.InRange(applied, factor - 0.01, factor + 0.01);
        Assert.InRange(faster.Length, Rate / applied - 2, Rate / applied + 2);
        Assert.InRange(Frequency(faster), 200 * applied - 0.5, 200 * applied + 0.5);
    }

    [Fact]
    public void NoiseHasTheRequestedSnrAndTheSameSeedGivesTheSameNoise()
    {
        var clean = Tone(300, 2);
        var noisy = SpeechAugmentation.AddNoise(clean, 20, seed: 5);
        double signal = clean.Sum(s => (double)s * s), noise = clean.Zip(noisy).Sum(p => (double)(p.Second - p.First) * (p.Second - p.First));
        Assert.InRange(10 * Math.Log10(signal / noise), 19.8, 20.2);
        Assert.Equal(noisy, SpeechAugmentation.AddNoise(clean, 20, seed: 5));
        Assert.NotEqual(noisy, SpeechAugmentation.AddNoise(clean, 20, seed: 6));
        Assert.Equal(new float[100], SpeechAugmentation.AddNoise(new float[100], 20, seed: 5));
    }

    [Fact]
    public void CopiesAreReadableWavsNamedByTheirChangeAndAreNotRewritten()
    {
        string source = Path.Combine(_folder, "a01.wav");
        WavWriter.WritePcm16(source, Tone(200), Rate);
        string copies = Path.Combine(_folder, "copies");
        var paths = SpeechAugmentation.WriteCopies(source, copies, [0.9, 1.1], [20], seed: 1);
        Assert.Equal(["a01.speed0.9.wav", "a01.speed1.1.wav", "a01.snr20.seed1.wav"], paths.Select(Path.GetFileName));
        var slow = WavReader.Read(paths[0]);
        Assert.Equal(Rate, slow.SampleRate);
        Assert.InRange(Frequency(slow.Samples), 179, 181);
        Assert.Equal(Rate, WavReader.Read(paths[2]).Samples.Length);

        var written = paths.Select(File.GetLastWriteTimeUtc).ToArray();
        Thread.Sleep(20);
        SpeechAugmentation.WriteCopies(source, copies, [0.9, 1.1], [20], seed: 1);
        Assert.Equal(written, paths.Select(File.GetLastWriteTimeUtc));
    }

    [Fact]
    public void OutOfRangeArgumentsAreRefusedNamingThem()
    {
        var speed = Assert.Throws<ArgumentOutOfRangeException>(() => SpeechAugmentation.ChangeSpeed(Tone(200, 0.1), Rate, 3));
        Assert.Contains("speed factor", speed.Message);
        var snr = Assert.Throws<ArgumentOutOfRangeException>(() => SpeechAugmentation.AddNoise(Tone(200, 0.1), double.NaN, 1));
        Assert.Contains("signal-to-noise", snr.Message);
    }
}
