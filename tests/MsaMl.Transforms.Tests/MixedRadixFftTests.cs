using MsaMl.Transforms.Audio;

namespace MsaMl.Transforms.Tests;

public sealed class MixedRadixFftTests
{
    private static (double[] Re, double[] Im) DirectDft(double[] x)
    {
        int n = x.Length;
        var re = new double[n];
        var im = new double[n];
        for (int k = 0; k < n; k++)
            for (int j = 0; j < n; j++)
            {
                double angle = -2 * Math.PI * ((long)j * k % n) / n;
                re[k] += x[j] * Math.Cos(angle);
                im[k] += x[j] * Math.Sin(angle);
            }
        return (re, im);
    }

    [Theory]
    [InlineData(320)]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(12)]
    [InlineData(45)]
    [InlineData(98)]
    [InlineData(256)]
    public void MatchesTheDirectDft(int n)
    {
        var random = new Random(n);
        var x = Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
        var (expectedRe, expectedIm) = DirectDft(x);
        var re = (double[])x.Clone();
        var im = new double[n];
        new MixedRadixFft(n).Transform(re, im);
        double scale = Math.Sqrt(n);
        for (int k = 0; k < n; k++)
        {
            Assert.True(Math.Abs(re[k] - expectedRe[k]) < 1e-9 * scale, $"n {n}, bin {k}: re {re[k]} vs {expectedRe[k]}");
            Assert.True(Math.Abs(im[k] - expectedIm[k]) < 1e-9 * scale, $"n {n}, bin {k}: im {im[k]} vs {expectedIm[k]}");
        }
    }

    [Fact]
    public void ThePowerSpectrumOfA320PointFrameHas161BinsMatchingTheDirectDft()
    {
        var random = new Random(3);
        var frame = Enumerable.Range(0, 320).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        var power = new float[161];
        new MixedRadixFft(320).PowerSpectrum(frame, power);
        var (re, im) = DirectDft(frame.Select(v => (double)v).ToArray());
        for (int k = 0; k < 161; k++)
            Assert.Equal(re[k] * re[k] + im[k] * im[k], power[k], 1e-3);
    }

    [Fact]
    public void TheOriginalSystemsSpectrogramHas161BinsAndAToneAtItsBin()
    {
        var options = new LogSpectrogramOptions { FftSize = 320, WindowMs = 20, HopMs = 10, TimeFrames = 50, Deltas = true };
        Assert.Equal(new[] { 3, 161, 50 }, SpectrogramComputer.ShapeOf(options));
        var computer = new SpectrogramComputer(options);
        var samples = TestFiles.Tone(1000, 1.0, 16000);
        var output = new float[3 * 161 * 50];
        int valid = computer.Compute(samples, output);
        Assert.Equal(50, valid);
        // 1000 Hz at 16 kHz over 320 points: bin 1000 / 50 = 20.
        int peak = Enumerable.Range(0, 161).MaxBy(bin => output[bin * 50 + 10]);
        Assert.Equal(20, peak);
        // The framing is the radix-2 path's: the same number of frames for the same audio.
        var radix2 = new SpectrogramComputer(new LogSpectrogramOptions { FftSize = 512, TimeFrames = 500 });
        var exact = new SpectrogramComputer(new LogSpectrogramOptions { FftSize = 320, TimeFrames = 500 });
        foreach (double seconds in new[] { 1.0, 12345 / 16000.0, 0.031 })
        {
            var audio = TestFiles.Tone(440, seconds, 16000);
            int r2 = radix2.PowerFrames(audio).Count, ex = exact.PowerFrames(audio).Count;
            Assert.True(r2 == ex, $"{audio.Length} samples: radix-2 {r2} frames, exact {ex}");
        }
    }
}
