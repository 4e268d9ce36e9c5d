using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Rational sample-rate conversion by a polyphase FIR: the rate ratio is reduced to L/M
/// (48 kHz → 16 kHz is 1/3, 44.1 kHz → 16 kHz is 160/441, 22.05 kHz → 16 kHz is 320/441), the
/// signal is conceptually up-sampled by L, low-pass filtered and down-sampled by M, computing
/// only the output samples (one phase of the filter per output).
/// <para>
/// Filter (Kaiser-windowed sinc, linear phase, delay compensated so output sample n sits at input
/// time n·M/L): pass-band up to <see cref="PassbandFraction"/> of the lower Nyquist frequency
/// (7.2 kHz when converting to or from 16 kHz) with a ripple under 0.01 dB; stop-band from
/// <see cref="StopbandHz"/> on, attenuated by at least <see cref="StopbandAttenuationDb"/> dB.
/// </para>
/// <para>
/// Where the stop-band starts. Down-sampling to a rate fs folds an input tone at f (fs/2 &lt; f &lt; fs)
/// onto fs − f. An output frequency below the pass-band edge fp = 0.9·fs/2 can therefore only receive
/// aliases from inputs above fs − fp = 1.1·fs/2 (8.8 kHz for 16 kHz), so the stop-band starts there:
/// the band 0 to fp (0 to 7.2 kHz) is flat and alias-free to 80 dB, exactly as with a stop-band
/// from fs/2, and only the 10 % of the output band above fp (7.2 to 8 kHz, the top 5 of 64 mel
/// bands: the triangles above 7.2 kHz), which a stop-band at fs/2 would have attenuated by up to
/// 80 dB anyway, may hold aliases of 8 to 8.8 kHz input attenuated by 6 dB (at 8 kHz) to 80 dB
/// (at 8.8 kHz). The transition band is thus 0.2 of the Nyquist frequency wide instead of 0.1: half
/// the taps (75 / 149 / 163 per output from 22.05 / 44.1 / 48 kHz instead of 149 / 297 / 325).
/// Up-sampling keeps the stop-band at the source's Nyquist frequency, since images above it would be
/// new content in bands the source never had.
/// </para>
/// The same rate in and out copies the samples unchanged. Instances are immutable and thread-safe; <see cref="For"/> caches one per rate pair.
/// </summary>
public sealed class PolyphaseResampler
{
    /// <summary>Guaranteed stop-band attenuation in dB (the design targets a few dB more).</summary>
    public const double StopbandAttenuationDb = 80;

    /// <summary>Pass-band edge as a fraction of the lower of the two Nyquist frequencies.</summary>
    public const double PassbandFraction = 0.9;

    private const double DesignAttenuationDb = StopbandAttenuationDb + 5;

    private static readonly ConcurrentDictionary<(int, int), PolyphaseResampler> Cache = new();

    // _phases[p * _stride + i]: tap i of phase p, ordered to be applied forward to
    // x[first(n) + i], where first(n) = floor(n·M/L) − _half; taps from TapsPerPhase to _stride are 0.
    private readonly float[] _phases;
    private readonly int _stride;
    private readonly int _half;

    // For output j of a block of L outputs (0 <= j < L): its phase j·M mod L and its input offset
    // floor(j·M/L). Output n = b·L + j has the same phase and reads from b·M + _offsets[j].
    private readonly int[] _blockPhases;
    private readonly int[] _offsets;

    private PolyphaseResampler(int sourceRate, int targetRate)
    {
        if (sourceRate <= 0) throw new ArgumentOutOfRangeException(nameof(sourceRate), $"source sample rate must be positive, got {sourceRate}");
        if (targetRate <= 0) throw new ArgumentOutOfRangeException(nameof(targetRate), $"target sample rate must be positive, got {targetRate}");
        SourceRate = sourceRate;
        TargetRate = targetRate;
        int g = Gcd(sourceRate, targetRate);
        Up = targetRate / g;
        Down = sourceRate / g;

        // Design at the up-sampled rate L·fs; frequencies below as fractions of it.
        double upsampledRate = (double)Up * sourceRate;
        double nyquist = Math.Min(sourceRate, targetRate) / 2.0;
        double passband = PassbandFraction * nyquist;
        StopbandHz = targetRate < sourceRate ? targetRate - passband : nyquist;
        double transition = (StopbandHz - passband) / upsampledRate;
        double cutoff = (StopbandHz + passband) / 2 / upsampledRate;
        int length = KaiserLowpass.Length(DesignAttenuationDb, transition);
        _half = (int)Math.Ceiling((length - 1) / (2.0 * Up));
        int fullLength = 2 * _half * Up + 1;
        var prototype = KaiserLowpass.Design(fullLength, cutoff, DesignAttenuationDb, gain: Up);

        // Each phase is zero-padded to whole SIMD vectors, so the dot product has no scalar tail.
        TapsPerPhase = 2 * _half + 1;
        int lanes = Vector<float>.Count;
        _stride = (TapsPerPhase + lanes - 1) / lanes * lanes;
        _phases = new float[Up * _stride];
        for (int p = 0; p < Up; p++)
            for (int i = 0; i < TapsPerPhase; i++)
            {
                int k = p + (2 * _half - i) * Up; // prototype index applied to x[floor(nM/L) - half + i]
                _phases[p * _stride + i] = k < fullLength ? (float)prototype[k] : 0f;
            }
        _blockPhases = new int[Up];
        _offsets = new int[Up];
        for (int j = 0; j < Up; j++)
        {
            _blockPhases[j] = (int)((long)j * Down % Up);
            _offsets[j] = (int)((long)j * Down / Up);
        }
    }

    /// <summary>The resampler from <paramref name="sourceRate"/> to <paramref name="targetRate"/> Hz (designed once, then cached).</summary>
    public static PolyphaseResampler For(int sourceRate, int targetRate)
    {
        if (Cache.TryGetValue((sourceRate, targetRate), out var cached)) return cached;
        var resampler = new PolyphaseResampler(sourceRate, targetRate);
        // The filter of an odd rate pair (383,999 Hz to 16 kHz: 16000 phases) can take hundreds of MB; only small ones stay.
        return resampler._phases.Length <= MaxCachedTaps ? Cache.GetOrAdd((sourceRate, targetRate), resampler) : resampler;
    }

    private const int MaxCachedTaps = 1 << 20;

    public int SourceRate { get; }
    public int TargetRate { get; }

    /// <summary>Up-sampling factor L of the reduced ratio L/M.</summary>
    public int Up { get; }

    /// <summary>Down-sampling factor M of the reduced ratio L/M.</summary>
    public int Down { get; }

    /// <summary>Filter taps applied per output sample (before padding to whole SIMD vectors).</summary>
    public int TapsPerPhase { get; }

    /// <summary>
    /// Start of the stop-band in Hz: target rate − pass-band edge when down-sampling (8.8 kHz for
    /// 16 kHz, see the class remarks), the source's Nyquist frequency when up-sampling.
    /// </summary>
    public double StopbandHz { get; }

    /// <summary>Output samples for <paramref name="inputLength"/> input samples: ceil(length·L/M).</summary>
    public int OutputLength(int inputLength) => (int)(((long)inputLength * Up + Down - 1) / Down);

    /// <summary>Resamples <paramref name="input"/> into a new array.</summary>
    public float[] Process(ReadOnlySpan<float> input)
    {
        var output = new float[OutputLength(input.Length)];
        Process(input, output);
        return output;
    }

    /// <summary>
    /// Writes the <see cref="OutputLength"/> resampled samples of <paramref name="input"/> into
    /// <paramref name="output"/> (samples outside the input count as zero); returns that count.
    /// </summary>
    public int Process(ReadOnlySpan<float> input, Span<float> output)
    {
        int count = OutputLength(input.Length);
        if (output.Length < count) throw new ArgumentException($"output holds {output.Length} samples; {count} needed", nameof(output));
        if (Up == Down)
        {
            input.CopyTo(output);
            return count;
        }
        ReadOnlySpan<float> phases = _phases;
        int taps = _stride, up = Up, down = Down;
        // Outputs n, n + L, n + 2L and n + 3L apply the same phase to inputs M apart: they are
        // computed together, each load of the filter serving four outputs. Blocks of 4L outputs read
        // about 4M + taps consecutive inputs, which stay in the L1 cache.
        int quads = count / (4 * up);
        for (int block = 0; block < quads; block++)
        {
            int n0 = block * 4 * up, q0 = block * 4 * down;
            for (int j = 0; j < up; j++)
            {
                int first = q0 + _offsets[j] - _half;
                var h = phases.Slice(_blockPhases[j] * taps, taps);
                int n = n0 + j;
                if (first >= 0 && first + 3 * down + taps <= input.Length)
                {
                    var (y0, y1, y2, y3) = Dot4(h, input[first..], down);
                    output[n] = y0;
                    output[n + up] = y1;
                    output[n + 2 * up] = y2;
                    output[n + 3 * up] = y3;
                }
                else
                {
                    for (int k = 0; k < 4; k++) output[n + k * up] = DotClipped(h, input, first + k * down);
                }
            }
        }
        // The rest one by one: output n reads phase p = n·M mod L from input q = floor(n·M / L).
        for (int n = quads * 4 * up; n < count; n++)
        {
            int b = n / up, j = n - b * up;
            int first = b * down + _offsets[j] - _half;
            var h = phases.Slice(_blockPhases[j] * taps, taps);
            output[n] = first >= 0 && first + taps <= input.Length
                ? Dot(h, input.Slice(first, taps))
                : DotClipped(h, input, first);
        }
        return count;
    }

    // Four dot products of h with x[0..], x[step..], x[2·step..] and x[3·step..] (h.Length a whole
    // number of vectors): one load of h per four fused multiply-adds.
    private static (float, float, float, float) Dot4(ReadOnlySpan<float> h, ReadOnlySpan<float> x, int step)
    {
        var vh = MemoryMarshal.Cast<float, Vector<float>>(h);
        int lanes = Vector<float>.Count;
        ref float x0 = ref MemoryMarshal.GetReference(x);
        ref float x1 = ref Unsafe.Add(ref x0, step);
        ref float x2 = ref Unsafe.Add(ref x0, 2 * step);
        ref float x3 = ref Unsafe.Add(ref x0, 3 * step);
        // Two accumulators per output (even and odd vectors): eight independent chains keep both
        // FMA pipes busy despite the instruction's latency.
        Vector<float> a0 = Vector<float>.Zero, a1 = Vector<float>.Zero, a2 = Vector<float>.Zero, a3 = Vector<float>.Zero;
        Vector<float> b0 = Vector<float>.Zero, b1 = Vector<float>.Zero, b2 = Vector<float>.Zero, b3 = Vector<float>.Zero;
        int v = 0;
        for (; v + 2 <= vh.Length; v += 2)
        {
            Vector<float> h0 = vh[v], h1 = vh[v + 1];
            nuint i = (nuint)(v * lanes), k = i + (nuint)lanes;
            a0 = Vector.FusedMultiplyAdd(h0, Vector.LoadUnsafe(ref x0, i), a0);
            a1 = Vector.FusedMultiplyAdd(h0, Vector.LoadUnsafe(ref x1, i), a1);
            a2 = Vector.FusedMultiplyAdd(h0, Vector.LoadUnsafe(ref x2, i), a2);
            a3 = Vector.FusedMultiplyAdd(h0, Vector.LoadUnsafe(ref x3, i), a3);
            b0 = Vector.FusedMultiplyAdd(h1, Vector.LoadUnsafe(ref x0, k), b0);
            b1 = Vector.FusedMultiplyAdd(h1, Vector.LoadUnsafe(ref x1, k), b1);
            b2 = Vector.FusedMultiplyAdd(h1, Vector.LoadUnsafe(ref x2, k), b2);
            b3 = Vector.FusedMultiplyAdd(h1, Vector.LoadUnsafe(ref x3, k), b3);
        }
        if (v < vh.Length)
        {
            var hv = vh[v];
            nuint i = (nuint)(v * lanes);
            a0 = Vector.FusedMultiplyAdd(hv, Vector.LoadUnsafe(ref x0, i), a0);
            a1 = Vector.FusedMultiplyAdd(hv, Vector.LoadUnsafe(ref x1, i), a1);
            a2 = Vector.FusedMultiplyAdd(hv, Vector.LoadUnsafe(ref x2, i), a2);
            a3 = Vector.FusedMultiplyAdd(hv, Vector.LoadUnsafe(ref x3, i), a3);
        }
        a0 += b0; a1 += b1; a2 += b2; a3 += b3;
        return (Vector.Sum(a0), Vector.Sum(a1), Vector.Sum(a2), Vector.Sum(a3));
    }

    private static float DotClipped(ReadOnlySpan<float> h, ReadOnlySpan<float> x, int first)
    {
        int start = Math.Max(0, -first), end = Math.Min(h.Length, x.Length - first);
        return start < end ? Dot(h[start..end], x.Slice(first + start, end - start)) : 0f;
    }

    // Four independent accumulators, so the additions do not wait on each other (latency-bound otherwise).
    private static float Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        int i = 0;
        float sum = 0;
        if (Vector.IsHardwareAccelerated && a.Length >= Vector<float>.Count)
        {
            var va = MemoryMarshal.Cast<float, Vector<float>>(a);
            var vb = MemoryMarshal.Cast<float, Vector<float>>(b);
            Vector<float> acc0 = Vector<float>.Zero, acc1 = Vector<float>.Zero, acc2 = Vector<float>.Zero, acc3 = Vector<float>.Zero;
            int v = 0;
            for (; v + 4 <= va.Length; v += 4)
            {
                acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
                acc1 = Vector.FusedMultiplyAdd(va[v + 1], vb[v + 1], acc1);
                acc2 = Vector.FusedMultiplyAdd(va[v + 2], vb[v + 2], acc2);
                acc3 = Vector.FusedMultiplyAdd(va[v + 3], vb[v + 3], acc3);
            }
            for (; v < va.Length; v++) acc0 = Vector.FusedMultiplyAdd(va[v], vb[v], acc0);
            sum = Vector.Sum((acc0 + acc1) + (acc2 + acc3));
            i = va.Length * Vector<float>.Count;
        }
        for (; i < a.Length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static int Gcd(int a, int b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }
}
