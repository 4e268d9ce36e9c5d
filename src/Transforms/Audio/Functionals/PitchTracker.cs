using System.Numerics;

namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// Frame pitch by normalized autocorrelation: r(τ) = Σ x[n]x[n+τ] / √(Σ x[n]² · Σ x[n+τ]²) over the
/// frame's overlap, for lags between the fastest and the slowest allowed period. The pitch lag is
/// the first local maximum within 0.85 of the largest (so a period's multiples, which correlate
/// about as well, do not win), refined by a parabola through its neighbours. The frame is voiced
/// when that correlation reaches the voicing threshold.
/// </summary>
internal sealed class PitchTracker
{
    private const double OctaveTolerance = 0.85;
    private readonly int _sampleRate;
    private readonly int _minLag, _maxLag;
    private readonly double _voicingThreshold;
    private readonly double[] _correlation;
    private readonly float[] _frame;

    public PitchTracker(int sampleRate, double minHz, double maxHz, double voicingThreshold, int frameLength)
    {
        _sampleRate = sampleRate;
        _minLag = Math.Max(2, (int)Math.Floor(sampleRate / maxHz));
        _maxLag = (int)Math.Ceiling(sampleRate / minHz);
        if (_maxLag * 3 / 2 > frameLength)
            throw new ArgumentException($"A pitch frame of {frameLength} samples is too short for {minHz} Hz at {sampleRate} Hz; it needs at least {_maxLag * 3 / 2}.");
        _voicingThreshold = voicingThreshold;
        _correlation = new double[_maxLag + 2];
        _frame = new float[frameLength];
    }

    public PitchEstimate Estimate(ReadOnlySpan<float> frame)
    {
        float mean = 0;
        foreach (float v in frame) mean += v;
        mean /= frame.Length;
        for (int i = 0; i < frame.Length; i++) _frame[i] = frame[i] - mean;
        var x = _frame.AsSpan(0, frame.Length);

        double best = double.NegativeInfinity;
        for (int lag = _minLag - 1; lag <= _maxLag + 1; lag++)
        {
            var head = x[..^lag];
            var tail = x[lag..];
            double energy = Dot(head, head) * Dot(tail, tail);
            _correlation[lag] = energy > 0 ? Dot(head, tail) / Math.Sqrt(energy) : 0;
            if (lag >= _minLag && lag <= _maxLag) best = Math.Max(best, _correlation[lag]);
        }
        if (!(best >= _voicingThreshold)) return new PitchEstimate(0, Math.Max(best, 0));
        for (int lag = _minLag; lag <= _maxLag; lag++)
        {
            double r = _correlation[lag];
            if (r < OctaveTolerance * best || r < _correlation[lag - 1] || r < _correlation[lag + 1]) continue;
            double left = _correlation[lag - 1], right = _correlation[lag + 1];
            double curvature = left - 2 * r + right;
            double shift = curvature < 0 ? 0.5 * (left - right) / curvature : 0;
            double peak = r - 0.25 * (left - right) * shift;
            return new PitchEstimate(_sampleRate / (lag + shift), Math.Min(peak, 1));
        }
        return new PitchEstimate(0, best);
    }

    private static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int width = Vector<float>.Count, i = 0;
        var sum = Vector<float>.Zero;
        for (; i <= a.Length - width; i += width) sum += new Vector<float>(a[i..]) * new Vector<float>(b[i..]);
        double total = Vector.Sum(sum);
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
