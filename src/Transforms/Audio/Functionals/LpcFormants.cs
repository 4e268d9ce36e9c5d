using System.Numerics;
using NWaves.Utils;
using NWaves.Windows;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// Formants from linear prediction: pre-emphasis (0.97), Hamming window, autocorrelation LPC of
/// order 2 + sample rate / 1 kHz (Levinson-Durbin, NWaves), the roots of the predictor polynomial
/// (Durand-Kerner iteration, stopped when no root moves by more than 1e-9; NWaves' root finder
/// runs a fixed 25,000 iterations, seconds per utterance); each root in the upper half-plane is a resonance at angle · rate / 2π Hz with
/// bandwidth −ln|z| · rate / π; F1-F3 are the three lowest resonances above 90 Hz with bandwidth
/// under 400 Hz.
/// </summary>
internal sealed class LpcFormants
{
    private readonly int _sampleRate;
    private readonly int _order;
    private readonly float[] _window;
    private readonly float[] _emphasized;
    private readonly float[] _autocorrelation;
    private readonly float[] _predictor;

    public LpcFormants(int sampleRate, int frameLength)
    {
        _sampleRate = sampleRate;
        _order = 2 + sampleRate / 1000;
        _window = Window.OfType(WindowType.Hamming, frameLength);
        _emphasized = new float[frameLength];
        _autocorrelation = new float[_order + 1];
        _predictor = new float[_order + 1];
    }

    public (double F1, double F2, double F3) Estimate(ReadOnlySpan<float> frame)
    {
        for (int i = 0; i < frame.Length; i++) _emphasized[i] = (frame[i] - (i > 0 ? 0.97f * frame[i - 1] : 0)) * _window[i];
        for (int lag = 0; lag <= _order; lag++)
        {
            double sum = 0;
            for (int i = lag; i < frame.Length; i++) sum += (double)_emphasized[i] * _emphasized[i - lag];
            _autocorrelation[lag] = (float)sum;
        }
        if (!(_autocorrelation[0] > 0)) return (0, 0, 0);
        _autocorrelation[0] *= 1 + 1e-6f; // a tiny white-noise floor keeps the recursion stable on pure tones
        Array.Clear(_predictor);
        Lpc.LevinsonDurbin(_autocorrelation, _predictor, _order);
        var coefficients = _predictor.Select(v => (double)v).ToArray();
        if (!coefficients.All(double.IsFinite)) return (0, 0, 0);
        var resonances = PolynomialRoots.Of(coefficients)
            .Where(z => z.Imaginary > 0)
            .Select(z => (Frequency: z.Phase * _sampleRate / (2 * Math.PI), Bandwidth: -Math.Log(z.Magnitude) * _sampleRate / Math.PI))
            .Where(r => r.Frequency > 90 && r.Bandwidth < 400)
            .Select(r => r.Frequency)
            .Order()
            .ToArray();
        double At(int i) => i < resonances.Length ? resonances[i] : 0;
        return (At(0), At(1), At(2));
    }
}
