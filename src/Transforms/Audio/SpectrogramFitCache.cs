using System.Collections.Concurrent;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// The raw log channels that <see cref="LogSpectrogramEstimator.Fit"/> computed while learning
/// dataset moments, by row position and path, so that the first transform of the training rows
/// does not decode the files again (deltas and standardization are recomputed from them, which is
/// cheap and exact). Each row is handed out once and then dropped, so the memory goes away with
/// that first pass; bounded by a budget, rows over it are simply recomputed. The files must not
/// change between Fit and that transform.
/// </summary>
internal sealed class SpectrogramFitCache
{
    private readonly ConcurrentDictionary<long, Entry> _rows = new();
    private readonly long _budgetFloats;
    private long _usedFloats;

    public SpectrogramFitCache(int megabytes) => _budgetFloats = megabytes * (1024L * 1024 / sizeof(float));

    public int Count => _rows.Count;

    /// <summary>Keeps the log channel (first freq · time floats of <paramref name="features"/>) of a row, if the budget allows.</summary>
    public void Add(FeaturizerInput input, ReadOnlySpan<float> features, int f, int t, int valid)
    {
        long size = (long)f * valid;
        if (Interlocked.Add(ref _usedFloats, size) > _budgetFloats)
        {
            Interlocked.Add(ref _usedFloats, -size);
            return;
        }
        var frames = new float[size];
        for (int bin = 0; bin < f; bin++) features.Slice(bin * t, valid).CopyTo(frames.AsSpan(bin * valid, valid));
        _rows[input.Row] = new Entry(input.Value, frames, valid);
    }

    /// <summary>Takes (and forgets) the cached row when it holds the same path as <paramref name="input"/>.</summary>
    public bool TryTake(FeaturizerInput input, out Entry entry)
    {
        if (!_rows.TryGetValue(input.Row, out entry!) || entry.Path != input.Value) return false;
        if (!_rows.TryRemove(new KeyValuePair<long, Entry>(input.Row, entry))) return false;
        Interlocked.Add(ref _usedFloats, -entry.Frames.Length);
        return true;
    }

    public sealed record Entry(string Path, float[] Frames, int Valid)
    {
        /// <summary>Writes the log channel back into a [channels, freq, time] row (pre-zeroed).</summary>
        public void CopyTo(Span<float> output, int f, int t)
        {
            for (int bin = 0; bin < f; bin++) Frames.AsSpan(bin * Valid, Valid).CopyTo(output.Slice(bin * t, Valid));
        }
    }
}
