namespace MsaMl.Datasets;

/// <summary>
/// The SplitMix64 generator: a seed gives the same sequence on every .NET version and platform
/// (unlike <see cref="Random"/>), so seeded splits stay reproducible.
/// </summary>
internal sealed class SplitMix64(int seed)
{
    private ulong _state = unchecked((ulong)seed);

    /// <summary>A value in [0, <paramref name="exclusiveMax"/>).</summary>
    public int NextInt(int exclusiveMax)
    {
        ulong z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z % (ulong)exclusiveMax);
    }

    /// <summary>Fisher-Yates shuffle of <paramref name="items"/> in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
