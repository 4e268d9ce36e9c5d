using System.Collections.Concurrent;
using System.Numerics;
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
/// (7.2 kHz when converting to or from 16 kHz) with a ripple under 0.01 dB; stop-band from the lower
/// Nyquist frequency (8 kHz) on, attenuated by at least <see cref="StopbandAttenuationDb"/> dB, so
/// content above the new Nyquist frequency does not alias. The transition band is the 10 % between.
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

    // _phases[p * _tapsPerPhase + i]: tap i of phase p, ordered to be applied forward to
    // x[first(n) + i], where first(n) = floor(n·M/L) − _half.
    private readonly float[] _phases;
    private readonly int _tapsPerPhase;
    private readonly int _half;

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
        double transition = (1 - PassbandFraction) * nyquist / upsampledRate;
        double cutoff = (1 + PassbandFraction) / 2 * nyquist / upsampledRate;
        int length = KaiserLowpass.Length(DesignAttenuationDb, transition);
        _half = (int)Math.Ceiling((length - 1) / (2.0 * Up));
        int fullLength = 2 * _half * Up + 1;
        var prototype = KaiserLowpass.Design(fullLength, cutoff, DesignAttenuationDb, gain: Up);

        _tapsPerPhase = 2 * _half + 1;
        _phases = new float[Up * _tapsPerPhase];
        for (int p = 0; p < Up; p++)
            for (int i = 0; i < _tapsPerPhase; i++)
            {
                int k = p + (2 * _half - i) * Up; // prototype index applied to x[floor(nM/L) - half + i]
                _phases[p * _tapsPerPhase + i] = k < fullLength ? (float)prototype[k] : 0f;
            }
    }

    /// <summary>The resampler from <paramref name="sourceRate"/> to <paramref name="targetRate"/> Hz (designed once, then cached).</summary>
    public static PolyphaseResampler For(int sourceRate, int targetRate) =>
        Cache.GetOrAdd((sourceRate, targetRate), key => new PolyphaseResampler(key.Item1, key.Item2));

    public int SourceRate { get; }
    public int TargetRate { get; }

    /// <summary>Up-sampling factor L of the reduced ratio L/M.</summary>
    public int Up { get; }

    /// <summary>Down-sampling factor M of the reduced ratio L/M.</summary>
    public int Down { get; }

    /// <summary>Filter taps applied per output sample.</summary>
    public int TapsPerPhase => _tapsPerPhase;

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
        int taps = _tapsPerPhase;
        // Output n reads phase p = n·M mod L from input q = floor(n·M / L), both stepped without division.
        int qStep = Down / Up, pStep = Down % Up;
        int q = 0, p = 0;
        for (int n = 0; n < count; n++)
        {
            int first = q - _half;
            var h = phases.Slice(p * taps, taps);
            output[n] = first >= 0 && first + taps <= input.Length
                ? Dot(h, input.Slice(first, taps))
                : DotClipped(h, input, first);
            q += qStep;
            p += pStep;
            if (p >= Up)
            {
                p -= Up;
                q++;
            }
        }
        return count;
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
