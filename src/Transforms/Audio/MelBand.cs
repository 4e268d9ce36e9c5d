namespace MsaMl.Transforms.Audio;

/// <summary>One filter of a filter bank kept sparse: its non-zero weights and the first FFT bin they apply to.</summary>
internal readonly struct MelBand
{
    private readonly int _start;
    private readonly float[] _weights;

    private MelBand(int start, float[] weights)
    {
        _start = start;
        _weights = weights;
    }

    /// <summary>The sparse form of each dense filter row (weights outside its first and last non-zero bin dropped).</summary>
    public static MelBand[] Sparse(float[][] bank) => bank.Select(row =>
    {
        int first = Array.FindIndex(row, w => w != 0);
        if (first < 0) return new MelBand(0, Array.Empty<float>());
        int last = Array.FindLastIndex(row, w => w != 0);
        return new MelBand(first, row[first..(last + 1)]);
    }).ToArray();

    /// <summary>The filter's output for power spectra held one per SIMD lane.</summary>
    public System.Numerics.Vector<float> Apply(ReadOnlySpan<System.Numerics.Vector<float>> power)
    {
        var x = power.Slice(_start, _weights.Length);
        var sum = System.Numerics.Vector<float>.Zero;
        for (int i = 0; i < _weights.Length; i++) sum += _weights[i] * x[i];
        return sum;
    }
}
