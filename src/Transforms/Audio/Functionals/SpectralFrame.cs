using NWaves.Filters.Fda;
using NWaves.Windows;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// One analysis frame's power spectrum (Hamming window, 512-point FFT) and what is read from it:
/// loudness, alpha ratio, Hammarberg index, spectral slopes, MFCC 1-4; and its LPC formants.
/// </summary>
internal sealed class SpectralFrame
{
    public const int FftSize = 512;
    private const int MelBands = 26;
    private readonly int _sampleRate;
    private readonly float[] _window;
    private readonly float[] _windowed;
    private readonly float[] _power = new float[FftSize / 2 + 1];
    private readonly float[][] _melBank;
    private readonly double[] _logMel = new double[MelBands];
    private readonly MixedRadixFft _fft = new(FftSize);
    private readonly LpcFormants _formants;

    public SpectralFrame(int sampleRate, int frameLength)
    {
        if (frameLength > FftSize) throw new ArgumentException($"An analysis frame of {frameLength} samples is longer than the {FftSize}-point FFT.");
        _sampleRate = sampleRate;
        _window = Window.OfType(WindowType.Hamming, frameLength);
        _windowed = new float[frameLength];
        var bands = FilterBanks.MelBands(MelBands, sampleRate, 20, Math.Min(8000, sampleRate / 2.0), true);
        _melBank = FilterBanks.Triangular(FftSize, sampleRate, bands, null!, null!);
        _formants = new LpcFormants(sampleRate, frameLength);
    }

    private double BinHz => (double)_sampleRate / FftSize;

    public SpectralDescriptors Describe(ReadOnlySpan<float> frame)
    {
        for (int i = 0; i < frame.Length; i++) _windowed[i] = frame[i] * _window[i];
        _fft.PowerSpectrum(_windowed, _power);

        double loudness = 0;
        for (int b = 0; b < MelBands; b++)
        {
            double band = 0;
            var weights = _melBank[b];
            for (int k = 0; k < _power.Length; k++) band += weights[k] * _power[k];
            loudness += Math.Pow(band, 0.3);
            _logMel[b] = Math.Log(band + 1e-10);
        }
        return new SpectralDescriptors(
            loudness,
            Decibels(BandEnergy(50, 1000), BandEnergy(1000, 5000)),
            Decibels(BandPeak(0, 2000), BandPeak(2000, 5000)),
            Slope(0, 500), Slope(500, 1500),
            Cepstrum(1), Cepstrum(2), Cepstrum(3), Cepstrum(4));
    }

    /// <summary>F1-F3 of the frame (0 where fewer resonances were found).</summary>
    public (double F1, double F2, double F3) Formants(ReadOnlySpan<float> frame) => _formants.Estimate(frame);

    private static double Decibels(double numerator, double denominator) =>
        10 * Math.Log10((numerator + 1e-12) / (denominator + 1e-12));

    private (int From, int To) Bins(double lowHz, double highHz) =>
        ((int)Math.Ceiling(lowHz / BinHz), Math.Min(_power.Length - 1, (int)Math.Floor(highHz / BinHz)));

    private double BandEnergy(double lowHz, double highHz)
    {
        var (from, to) = Bins(lowHz, highHz);
        double sum = 0;
        for (int k = from; k <= to; k++) sum += _power[k];
        return sum;
    }

    private double BandPeak(double lowHz, double highHz)
    {
        var (from, to) = Bins(lowHz, highHz);
        double peak = 0;
        for (int k = from; k <= to; k++) peak = Math.Max(peak, _power[k]);
        return peak;
    }

    /// <summary>The least-squares slope of the power spectrum in dB against frequency in kHz.</summary>
    private double Slope(double lowHz, double highHz)
    {
        var (from, to) = Bins(lowHz, highHz);
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = from; k <= to; k++)
        {
            double x = k * BinHz / 1000, y = 10 * Math.Log10(_power[k] + 1e-12);
            n++; sx += x; sy += y; sxx += x * x; sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        return denominator > 0 ? (n * sxy - sx * sy) / denominator : 0;
    }

    /// <summary>Cepstral coefficient <paramref name="c"/> of the log mel bands (orthonormal DCT-II).</summary>
    private double Cepstrum(int c)
    {
        double sum = 0;
        for (int b = 0; b < MelBands; b++) sum += _logMel[b] * Math.Cos(Math.PI * c * (b + 0.5) / MelBands);
        return sum * Math.Sqrt(2.0 / MelBands);
    }
}
