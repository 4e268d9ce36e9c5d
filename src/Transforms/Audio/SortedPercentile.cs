using System.Numerics;

namespace MsaMl.Transforms.Audio;

/// <summary>Percentiles of sorted values, interpolated linearly between neighbours (numpy's default).</summary>
internal static class SortedPercentile
{
    /// <summary>The <paramref name="fraction"/> percentile of <paramref name="sorted"/>; 0 when it is empty.</summary>
    public static double Of<T>(ReadOnlySpan<T> sorted, double fraction) where T : INumberBase<T>
    {
        if (sorted.Length == 0) return 0;
        double position = fraction * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        // The difference in T's own arithmetic: float spectrogram quartiles stay what they were before this helper.
        return double.CreateChecked(sorted[below]) + (position - below) * double.CreateChecked(sorted[above] - sorted[below]);
    }
}
