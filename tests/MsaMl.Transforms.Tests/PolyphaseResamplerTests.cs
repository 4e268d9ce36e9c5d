using MsaMl.Transforms.Audio;

namespace MsaMl.Transforms.Tests;

public sealed class PolyphaseResamplerTests
{
    [Theory]
    [InlineData(48000, 16000, 1, 3)]
    [InlineData(44100, 16000, 160, 441)]
    [InlineData(22050, 16000, 320, 441)]
    [InlineData(8000, 16000, 2, 1)]
    [InlineData(96000, 16000, 1, 6)]
    [InlineData(11025, 16000, 640, 441)]
    public void ReducesTheRatioByTheGcd(int source, int target, int up, int down)
    {
        var resampler = PolyphaseResampler.For(source, target);
        Assert.Equal(up, resampler.Up);
        Assert.Equal(down, resampler.Down);
        Assert.Equal((int)Math.Ceiling(1000.0 * target / source), resampler.OutputLength(1000));
    }

    // A sine in the pass-band keeps its amplitude (within 0.01 dB) and its phase: the output
    // matches the same sine sampled directly at the new rate.
    [Theory]
    [InlineData(48000, 16000, 440)]
    [InlineData(48000, 16000, 7000)]
    [InlineData(44100, 16000, 1000)]
    [InlineData(44100, 16000, 7100)]
    [InlineData(22050, 16000, 3000)]
    [InlineData(22050, 16000, 7150)]
    [InlineData(8000, 16000, 1000)]
    [InlineData(8000, 16000, 3500)]
    public void PassbandSineKeepsAmplitudeAndPhase(int source, int target, double frequency)
    {
        const double amplitude = 0.5;
        var input = Sine(frequency, source, 0.5, amplitude);
        var output = PolyphaseResampler.For(source, target).Process(input);

        var (from, to) = SteadyState(output.Length);
        double gainDb = 20 * Math.Log10(Rms(output, from, to) / (amplitude / Math.Sqrt(2)));
        Assert.InRange(gainDb, -0.01, 0.01);
        double maxError = 0;
        for (int n = from; n < to; n++)
            maxError = Math.Max(maxError, Math.Abs(output[n] - amplitude * Math.Sin(2 * Math.PI * frequency * n / target)));
        Assert.True(maxError < 1e-3 * amplitude, $"largest deviation from the directly sampled sine: {maxError}");
    }

    // A sine above the new Nyquist frequency folds back into the band (e.g. 9 kHz -> 7 kHz at
    // 16 kHz); from the documented stop-band edge on (8.8 kHz when down-sampling to 16 kHz) it must
    // be attenuated by at least the documented stop-band attenuation.
    [Theory]
    [InlineData(48000, 16000, 8800)]
    [InlineData(48000, 16000, 9000)]
    [InlineData(48000, 16000, 15000)]
    [InlineData(48000, 16000, 23000)]
    [InlineData(44100, 16000, 8800)]
    [InlineData(44100, 16000, 9500)]
    [InlineData(44100, 16000, 20000)]
    [InlineData(22050, 16000, 8800)]
    [InlineData(22050, 16000, 9200)]
    [InlineData(22050, 16000, 10500)]
    public void AliasFromTheStopbandIsRejected(int source, int target, double frequency)
    {
        var resampler = PolyphaseResampler.For(source, target);
        Assert.True(frequency >= resampler.StopbandHz, $"test tone {frequency} Hz below the stop-band edge {resampler.StopbandHz} Hz");
        var input = Sine(frequency, source, 0.5, 0.9);
        var output = resampler.Process(input);
        var (from, to) = SteadyState(output.Length);
        double attenuationDb = -20 * Math.Log10(Rms(output, from, to) / (0.9 / Math.Sqrt(2)));
        Assert.True(attenuationDb >= PolyphaseResampler.StopbandAttenuationDb,
            $"{frequency} Hz at {source} Hz -> {target} Hz: attenuated by {attenuationDb:F1} dB, expected at least {PolyphaseResampler.StopbandAttenuationDb} dB");
    }

    // A tone between the new Nyquist frequency and the stop-band edge (8 to 8.8 kHz for 16 kHz) may
    // alias, but only onto target - f, above the pass-band edge (7.2 kHz): once the output's
    // component at that one frequency is removed, nothing is left (>= the stop-band attenuation down),
    // so the pass-band stays alias-free.
    [Theory]
    [InlineData(48000, 16000, 8100)]
    [InlineData(48000, 16000, 8600)]
    [InlineData(44100, 16000, 8400)]
    [InlineData(22050, 16000, 8700)]
    public void TransitionBandAliasLandsAboveThePassband(int source, int target, double frequency)
    {
        var resampler = PolyphaseResampler.For(source, target);
        Assert.InRange(frequency, target / 2.0, resampler.StopbandHz);
        var output = resampler.Process(Sine(frequency, source, 0.5, 0.9));
        var (from, to) = SteadyState(output.Length);
        double alias = target - frequency;
        Assert.True(alias > PolyphaseResampler.PassbandFraction * target / 2);
        // Least-squares fit of a sine and a cosine at the alias frequency, then the residual.
        double ss = 0, cc = 0, sc = 0, sy = 0, cy = 0;
        for (int n = from; n < to; n++)
        {
            double s = Math.Sin(2 * Math.PI * alias * n / target), c = Math.Cos(2 * Math.PI * alias * n / target);
            ss += s * s; cc += c * c; sc += s * c; sy += s * output[n]; cy += c * output[n];
        }
        double det = ss * cc - sc * sc, a = (sy * cc - cy * sc) / det, b = (cy * ss - sy * sc) / det;
        var residual = new float[output.Length];
        for (int n = from; n < to; n++)
            residual[n] = (float)(output[n] - a * Math.Sin(2 * Math.PI * alias * n / target) - b * Math.Cos(2 * Math.PI * alias * n / target));
        double residualDb = -20 * Math.Log10(Rms(residual, from, to) / (0.9 / Math.Sqrt(2)));
        Assert.True(residualDb >= PolyphaseResampler.StopbandAttenuationDb,
            $"{frequency} Hz at {source} Hz -> {target} Hz: besides the alias at {alias} Hz, output {residualDb:F1} dB down, expected at least {PolyphaseResampler.StopbandAttenuationDb} dB");
    }

    [Fact]
    public void SameRateIsIdentityAndSpanOverloadMatchesArray()
    {
        var input = Sine(1234, 16000, 0.1, 0.3);
        var same = PolyphaseResampler.For(16000, 16000).Process(input);
        for (int i = 0; i < input.Length; i++) Assert.Equal(input[i], same[i], 5);

        var resampler = PolyphaseResampler.For(44100, 16000);
        var source = Sine(500, 44100, 0.2, 0.3);
        var buffer = new float[resampler.OutputLength(source.Length) + 10];
        int count = resampler.Process(source, buffer);
        Assert.Equal(resampler.Process(source), buffer[..count]);
        Assert.Throws<ArgumentException>(() => resampler.Process(source, new float[count - 1]));
    }

    private static float[] Sine(double frequency, int rate, double seconds, double amplitude) =>
        Enumerable.Range(0, (int)(rate * seconds)).Select(i => (float)(amplitude * Math.Sin(2 * Math.PI * frequency * i / rate))).ToArray();

    // Skip the filter's start-up and tail at both ends.
    private static (int From, int To) SteadyState(int length) => (length / 5, length - length / 5);

    private static double Rms(float[] x, int from, int to)
    {
        double sum = 0;
        for (int i = from; i < to; i++) sum += (double)x[i] * x[i];
        return Math.Sqrt(sum / (to - from));
    }
}
