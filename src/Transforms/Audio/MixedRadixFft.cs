namespace MsaMl.Transforms.Audio;

/// <summary>
/// An exact discrete Fourier transform of any length (not only powers of two): a recursive
/// mixed-radix decimation in time over the prime factors of the length (320 = 2^6 * 5), with a
/// direct DFT for each prime factor. Twiddle factors are precomputed per instance; one instance
/// per thread.
/// </summary>
public sealed class MixedRadixFft
{
    private readonly int _n;
    private readonly double[] _cos;
    private readonly double[] _sin;
    private readonly double[] _re;
    private readonly double[] _im;
    private readonly double[] _scratchRe;
    private readonly double[] _scratchIm;

    /// <param name="length">The transform length (at least 1).</param>
    public MixedRadixFft(int length)
    {
        if (length < 1) throw new ArgumentOutOfRangeException(nameof(length), $"length must be at least 1, got {length}.");
        _n = length;
        _cos = new double[length];
        _sin = new double[length];
        for (int k = 0; k < length; k++)
        {
            double angle = -2 * Math.PI * k / length;
            _cos[k] = Math.Cos(angle);
            _sin[k] = Math.Sin(angle);
        }
        _re = new double[length];
        _im = new double[length];
        _scratchRe = new double[length];
        _scratchIm = new double[length];
    }

    /// <summary>The transform length.</summary>
    public int Length => _n;

    /// <summary>The power spectrum |X_k|^2, k = 0 … n/2, of a real signal (zero-padded to the length).</summary>
    /// <param name="signal">At most <see cref="Length"/> samples.</param>
    /// <param name="power">Receives n/2 + 1 values.</param>
    public void PowerSpectrum(ReadOnlySpan<float> signal, Span<float> power)
    {
        if (signal.Length > _n) throw new ArgumentException($"signal of {signal.Length} samples is longer than the transform ({_n}).", nameof(signal));
        if (power.Length < _n / 2 + 1) throw new ArgumentException($"power needs {_n / 2 + 1} values, got {power.Length}.", nameof(power));
        Array.Clear(_re);
        Array.Clear(_im);
        for (int i = 0; i < signal.Length; i++) _re[i] = signal[i];
        Transform(_re, _im);
        for (int k = 0; k <= _n / 2; k++) power[k] = (float)(_re[k] * _re[k] + _im[k] * _im[k]);
    }

    /// <summary>The forward DFT X_k = Σ x_j e^(-2πi jk/n), in place.</summary>
    public void Transform(double[] re, double[] im)
    {
        if (re.Length != _n || im.Length != _n) throw new ArgumentException($"expected {_n} values in both parts.");
        Recurse(re, im, 0, 1, _n, _scratchRe, _scratchIm, 0);
        Array.Copy(_scratchRe, re, _n);
        Array.Copy(_scratchIm, im, _n);
    }

    // Writes the DFT of the n values x[offset + stride*j] to out[outOffset … outOffset+n).
    private void Recurse(double[] xr, double[] xi, int offset, int stride, int n, double[] outRe, double[] outIm, int outOffset)
    {
        if (n == 1)
        {
            outRe[outOffset] = xr[offset];
            outIm[outOffset] = xi[offset];
            return;
        }
        int p = SmallestFactor(n);
        int m = n / p;
        // The p sub-sequences x[offset + stride*(p*j + r)], each transformed into out[outOffset + r*m …].
        for (int r = 0; r < p; r++)
            Recurse(xr, xi, offset + stride * r, stride * p, m, outRe, outIm, outOffset + r * m);
        // Butterflies of radix p: X[k + q*m] = Σ_r W_n^(r(k+q*m)) Y_r[k].
        Span<double> yr = p <= 64 ? stackalloc double[p] : new double[p];
        Span<double> yi = p <= 64 ? stackalloc double[p] : new double[p];
        int twiddleStep = _n / n;
        for (int k = 0; k < m; k++)
        {
            for (int r = 0; r < p; r++)
            {
                yr[r] = outRe[outOffset + r * m + k];
                yi[r] = outIm[outOffset + r * m + k];
            }
            for (int q = 0; q < p; q++)
            {
                int output = k + q * m;
                double sr = 0, si = 0;
                for (int r = 0; r < p; r++)
                {
                    int t = (int)((long)r * output % n) * twiddleStep;
                    double c = _cos[t], s = _sin[t];
                    sr += yr[r] * c - yi[r] * s;
                    si += yr[r] * s + yi[r] * c;
                }
                outRe[outOffset + output] = sr;
                outIm[outOffset + output] = si;
            }
        }
    }

    private static int SmallestFactor(int n)
    {
        if (n % 2 == 0) return 2;
        for (int f = 3; (long)f * f <= n; f += 2)
            if (n % f == 0) return f;
        return n;
    }
}
