using System.Numerics;
using System.Runtime.InteropServices;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Power spectra of many Hann-windowed frames at once: one SIMD lane per frame, so every butterfly
/// of a radix-2 FFT works on <see cref="Vector{T}.Count"/> frames together; and two real frames per
/// complex transform (one in the real part, one in the imaginary part, separated afterwards by the
/// conjugate symmetry of real signals' spectra). A batch is 2 · Vector&lt;float&gt;.Count frames
/// (16 with AVX2). Unnormalized power |X[k]|², k = 0 … N/2, as NWaves' STFT gives it. Buffers are
/// allocated once; one instance per thread.
/// </summary>
internal sealed class BatchedPowerSpectrum
{
    private static readonly int Lanes = Vector<float>.Count;

    private readonly int _n;
    private readonly int _window;
    private readonly int _hop;
    private readonly float[] _hann;
    private readonly int[] _reversed;
    private readonly float[] _cos;
    private readonly float[] _minusSin;
    private readonly Vector<float>[] _re;
    private readonly Vector<float>[] _im;

    public BatchedPowerSpectrum(int fftSize, float[] window, int hop)
    {
        if (fftSize < 2 || (fftSize & (fftSize - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(fftSize), $"FFT size must be a power of two, got {fftSize}");
        if (window.Length > fftSize) throw new ArgumentException($"window of {window.Length} samples is longer than the FFT ({fftSize})", nameof(window));
        _n = fftSize;
        _window = window.Length;
        _hop = hop;
        _hann = window;
        int bits = BitOperations.Log2((uint)fftSize);
        _reversed = new int[_window];
        for (int i = 0; i < _window; i++) _reversed[i] = (int)(ReverseBits((uint)i) >> (32 - bits));
        _cos = new float[fftSize / 2];
        _minusSin = new float[fftSize / 2];
        for (int k = 0; k < fftSize / 2; k++)
        {
            _cos[k] = (float)Math.Cos(2 * Math.PI * k / fftSize);
            _minusSin[k] = (float)-Math.Sin(2 * Math.PI * k / fftSize);
        }
        _re = new Vector<float>[fftSize];
        _im = new Vector<float>[fftSize];
        Bins = fftSize / 2 + 1;
        PowerA = new Vector<float>[Bins];
        PowerB = new Vector<float>[Bins];
    }

    /// <summary>Frames per <see cref="Compute"/>: two per SIMD lane.</summary>
    public static int FramesPerBatch => 2 * Lanes;

    /// <summary>Frames per half batch (<see cref="PowerA"/> or <see cref="PowerB"/>).</summary>
    public static int LaneCount => Lanes;

    public int Bins { get; }

    /// <summary>After <see cref="Compute"/>: PowerA[k][l] is bin k of frame first + l.</summary>
    public Vector<float>[] PowerA { get; }

    /// <summary>After <see cref="Compute"/>: PowerB[k][l] is bin k of frame first + Lanes + l.</summary>
    public Vector<float>[] PowerB { get; }

    /// <summary>Power spectra of frames first … first + count − 1 (count ≤ <see cref="FramesPerBatch"/>); absent lanes hold zeros.</summary>
    public void Compute(ReadOnlySpan<float> samples, int first, int count)
    {
        Array.Clear(_re);
        Array.Clear(_im);
        var re = MemoryMarshal.Cast<Vector<float>, float>(_re.AsSpan());
        var im = MemoryMarshal.Cast<Vector<float>, float>(_im.AsSpan());
        for (int lane = 0; lane < count; lane++)
        {
            var target = lane < Lanes ? re : im;
            int l = lane % Lanes;
            var frame = samples.Slice((first + lane) * _hop, _window);
            for (int i = 0; i < frame.Length; i++) target[_reversed[i] * Lanes + l] = frame[i] * _hann[i];
        }
        Transform();
        Separate();
    }

    // In-place radix-2 decimation-in-time FFT of the bit-reversed input, every lane at once.
    private void Transform()
    {
        var re = _re;
        var im = _im;
        int n = _n;
        for (int half = 1; half < n; half <<= 1)
        {
            int step = n / (2 * half);
            for (int j = 0; j < half; j++)
            {
                var wr = new Vector<float>(_cos[j * step]);
                var wi = new Vector<float>(_minusSin[j * step]);
                for (int a = j; a < n; a += 2 * half)
                {
                    int b = a + half;
                    var br = re[b];
                    var bi = im[b];
                    var tr = br * wr - bi * wi;
                    var ti = br * wi + bi * wr;
                    var ar = re[a];
                    var ai = im[a];
                    re[b] = ar - tr;
                    im[b] = ai - ti;
                    re[a] = ar + tr;
                    im[a] = ai + ti;
                }
            }
        }
    }

    // Z = FFT(a + i·b) of real a, b: A[k] = (Z[k] + conj Z[N−k]) / 2, B[k] = (Z[k] − conj Z[N−k]) / 2i.
    private void Separate()
    {
        var quarter = new Vector<float>(0.25f);
        for (int k = 0; k < Bins; k++)
        {
            int m = (_n - k) & (_n - 1);
            var zr = _re[k];
            var zi = _im[k];
            var mr = _re[m];
            var mi = _im[m];
            var sumRe = zr + mr;
            var diffIm = zi - mi;
            var sumIm = zi + mi;
            var diffRe = zr - mr;
            PowerA[k] = (sumRe * sumRe + diffIm * diffIm) * quarter;
            PowerB[k] = (sumIm * sumIm + diffRe * diffRe) * quarter;
        }
    }

    private static uint ReverseBits(uint x)
    {
        x = ((x >> 1) & 0x55555555u) | ((x & 0x55555555u) << 1);
        x = ((x >> 2) & 0x33333333u) | ((x & 0x33333333u) << 2);
        x = ((x >> 4) & 0x0F0F0F0Fu) | ((x & 0x0F0F0F0Fu) << 4);
        x = ((x >> 8) & 0x00FF00FFu) | ((x & 0x00FF00FFu) << 8);
        return (x >> 16) | (x << 16);
    }
}
