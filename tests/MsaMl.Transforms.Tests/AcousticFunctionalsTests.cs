using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Audio.Functionals;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Tests;

/// <summary>Each acoustic functional against a synthetic signal whose value is known.</summary>
public sealed class AcousticFunctionalsTests
{
    private const int Rate = 16000;
    private static readonly AcousticFunctionalsOptions Options = new();

    private static float Value(float[] functionals, string name) => functionals[AcousticFunctionals.Names.ToList().IndexOf(name)];

    private static float[] Functionals(float[] samples)
    {
        var output = new float[AcousticFunctionals.Names.Count];
        AcousticFunctionals.Compute(samples, Options, output);
        return output;
    }

    /// <summary>A harmonic tone: harmonics 1..10 of <paramref name="hz"/> with amplitudes 1/k, 2 s.</summary>
    private static float[] HarmonicTone(double hz, double seconds = 2, double amplitude = 0.3)
    {
        var samples = new float[(int)(seconds * Rate)];
        for (int n = 0; n < samples.Length; n++)
        {
            double sum = 0;
            for (int k = 1; k <= 10 && k * hz < Rate / 2; k++) sum += Math.Sin(2 * Math.PI * k * hz * n / Rate) / k;
            samples[n] = (float)(amplitude * sum);
        }
        return samples;
    }

    /// <summary>Smooth glottal-like pulses (Gaussian, σ = 3 samples) whose periods alternate T(1 ± jitter) and amplitudes 1 ± shimmer.</summary>
    private static float[] PulseTrain(double period, double jitter, double shimmer, double seconds = 2)
    {
        var samples = new float[(int)(seconds * Rate)];
        double t = 20;
        for (int i = 0; t < samples.Length - 20; i++)
        {
            double amplitude = 0.5 * (1 + (i % 2 == 0 ? shimmer : -shimmer));
            int from = Math.Max(0, (int)t - 15), to = Math.Min(samples.Length - 1, (int)t + 15);
            for (int n = from; n <= to; n++) samples[n] += (float)(amplitude * Math.Exp(-0.5 * (n - t) * (n - t) / 9));
            t += period * (1 + (i % 2 == 0 ? jitter : -jitter));
        }
        return samples;
    }

    private static float[] Noise(int length, double rms, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, length).Select(_ =>
        {
            double u1 = 1 - random.NextDouble(), u2 = random.NextDouble();
            return (float)(rms * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
        }).ToArray();
    }

    [Fact]
    public void A200HzToneHasItsPitchInSemitonesAndIsVoiced()
    {
        var f = Functionals(HarmonicTone(200));
        double expected = 12 * Math.Log2(200 / 27.5);
        Assert.InRange(Value(f, "F0Semitone.Mean"), expected - 0.1, expected + 0.1);
        Assert.InRange(Value(f, "F0Semitone.P50"), expected - 0.1, expected + 0.1);
        Assert.InRange(Value(f, "F0Semitone.Std"), 0, 0.05);
        Assert.InRange(Value(f, "VoicedShare"), 0.95, 1);
        Assert.InRange(Value(f, "VoicedRunsPerSecond"), 0.4, 0.6); // one run in 2 s
    }

    [Fact]
    public void A120HzToneIsNotTakenForItsOctave()
    {
        double expected = 12 * Math.Log2(120 / 27.5);
        Assert.InRange(Value(Functionals(HarmonicTone(120)), "F0Semitone.Mean"), expected - 0.15, expected + 0.15);
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.01, 0.02)]
    [InlineData(0.02, 0.04)]
    public void JitterIsTheMeanPeriodChangeOverTheMeanPeriod(double jitter, double expected)
    {
        var f = Functionals(PulseTrain(80, jitter, 0));
        Assert.InRange(Value(f, "Jitter"), expected - 0.003, expected + 0.003);
        Assert.InRange(Value(f, "Shimmer"), 0, 0.01);
    }

    [Fact]
    public void ShimmerIsTheMeanAmplitudeChangeOverTheMeanAmplitude()
    {
        var f = Functionals(PulseTrain(80, 0, 0.05));
        Assert.InRange(Value(f, "Shimmer"), 0.09, 0.11);
        Assert.InRange(Value(f, "Jitter"), 0, 0.003);
    }

    [Fact]
    public void HarmonicsToNoiseRatioFollowsTheMixture()
    {
        var tone = HarmonicTone(200);
        double signalPower = tone.Average(v => (double)v * v);
        var noise = Noise(tone.Length, Math.Sqrt(signalPower / 10), seed: 5); // 10 dB
        var mixed = tone.Zip(noise, (a, b) => a + b).ToArray();
        Assert.InRange(Value(Functionals(mixed), "Hnr.Mean"), 8, 12);
        Assert.True(Value(Functionals(tone), "Hnr.Mean") > 25);
    }

    [Fact]
    public void WhiteNoiseIsUnvoiced()
    {
        var f = Functionals(Noise(2 * Rate, 0.1, seed: 3));
        Assert.InRange(Value(f, "VoicedShare"), 0, 0.05);
        Assert.True(Value(f, "Loudness.Mean") > 0);
    }

    [Fact]
    public void FormantsOfASynthesizedVowelAreItsResonances()
    {
        // Impulses at 120 Hz through three two-pole resonators (700, 1220, 2600 Hz).
        var source = new double[2 * Rate];
        for (int n = 0; n < source.Length; n += Rate / 120) source[n] = 1;
        var signal = source;
        foreach (var (hz, bandwidth) in new[] { (700.0, 80.0), (1220.0, 90.0), (2600.0, 120.0) })
        {
            double radius = Math.Exp(-Math.PI * bandwidth / Rate), angle = 2 * Math.PI * hz / Rate;
            double a1 = 2 * radius * Math.Cos(angle), a2 = -radius * radius;
            var output = new double[signal.Length];
            for (int n = 0; n < signal.Length; n++)
                output[n] = signal[n] + a1 * (n > 0 ? output[n - 1] : 0) + a2 * (n > 1 ? output[n - 2] : 0);
            signal = output;
        }
        double peak = signal.Max(Math.Abs);
        var f = Functionals(signal.Select(v => (float)(0.5 * v / peak)).ToArray());
        Assert.InRange(Value(f, "F1.Mean"), 700 * 0.93, 700 * 1.07);
        Assert.InRange(Value(f, "F2.Mean"), 1220 * 0.95, 1220 * 1.05);
        Assert.InRange(Value(f, "F3.Mean"), 2600 * 0.95, 2600 * 1.05);
    }

    [Fact]
    public void AlphaRatioAndHammarbergIndexAreTheBandRatiosInDecibels()
    {
        // 500 Hz at amplitude 1 and 3 kHz at 0.1: both ratios are 20 dB (the tone repeats at 500 Hz, so frames are voiced).
        var samples = Enumerable.Range(0, 2 * Rate).Select(n => (float)(0.5 * Math.Sin(2 * Math.PI * 500 * n / Rate) + 0.05 * Math.Sin(2 * Math.PI * 3000 * n / Rate))).ToArray();
        var f = Functionals(samples);
        Assert.InRange(Value(f, "AlphaRatio.VoicedMean"), 19, 21);
        Assert.InRange(Value(f, "Hammarberg.VoicedMean"), 19.5, 20.5);
        Assert.True(Value(f, "SlopeHigh.VoicedMean") < 0, "energy falls from 500 Hz to 1.5 kHz");
    }

    [Fact]
    public void DoublingTheAmplitudeScalesLoudnessByFourToThePowerPointThreeAndLeavesTheCepstrumAlone()
    {
        var quiet = HarmonicTone(150, amplitude: 0.1);
        var loud = quiet.Select(v => 2 * v).ToArray();
        var q = Functionals(quiet);
        var l = Functionals(loud);
        Assert.InRange(Value(l, "Loudness.Mean") / Value(q, "Loudness.Mean"), Math.Pow(4, 0.3) * 0.99, Math.Pow(4, 0.3) * 1.01);
        for (int c = 1; c <= 4; c++) Assert.Equal(Value(q, $"Mfcc{c}.Mean"), Value(l, $"Mfcc{c}.Mean"), 2);
    }

    [Fact]
    public void TheTransformReadsWavFilesResamplesAndSavesItsOptions()
    {
        string folder = Directory.CreateTempSubdirectory("msaml-functionals-").FullName;
        try
        {
            string at16 = Path.Combine(folder, "a.wav"), at22 = Path.Combine(folder, "b.wav");
            WavWriter.WritePcm16(at16, HarmonicTone(200), Rate);
            var tone22 = Enumerable.Range(0, 2 * 22050).Select(n => (float)(0.3 * Math.Sin(2 * Math.PI * 200 * n / 22050.0))).ToArray();
            WavWriter.WritePcm16(at22, tone22, 22050);
            var ml = new MLContext(1);
            var data = ml.Data.LoadFromEnumerable(new[] { new AudioRow { AudioPath = at16 }, new AudioRow { AudioPath = at22 }, new AudioRow { AudioPath = "" } });
            var model = ml.Msa().Transforms.AcousticFunctionals().Fit(data);
            var rows = model.Transform(data).GetColumn<float[]>("Functionals").ToArray();
            double expected = 12 * Math.Log2(200 / 27.5);
            Assert.InRange(Value(rows[0], "F0Semitone.Mean"), expected - 0.1, expected + 0.1);
            Assert.InRange(Value(rows[1], "F0Semitone.Mean"), expected - 0.1, expected + 0.1);
            Assert.All(rows[2], v => Assert.Equal(0f, v));

            var again = Assert.IsType<AcousticFunctionalsTransformer>(TransformFactory.Create(model.Kind, model.SaveOptions()));
            Assert.Equal(rows[0], again.Transform(data).GetColumn<float[]>("Functionals").First());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void OptionsOutsideTheirRangeAreRefusedByName()
    {
        Assert.Contains("MinPitchHz", Assert.Throws<ArgumentOutOfRangeException>(() => new AcousticFunctionalsOptions { MinPitchHz = 20 }.Validate()).Message);
        Assert.Contains("VoicingThreshold", Assert.Throws<ArgumentOutOfRangeException>(() => new AcousticFunctionalsOptions { VoicingThreshold = 1 }.Validate()).Message);
        Assert.Contains("SampleRate", Assert.Throws<ArgumentOutOfRangeException>(() => new AcousticFunctionalsOptions { SampleRate = 16001 }.Validate()).Message);
    }
}
