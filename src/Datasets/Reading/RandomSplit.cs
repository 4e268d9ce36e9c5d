namespace MsaMl.Datasets;

/// <summary>
/// Seeded train/validation/test assignment for datasets without an official split. The shuffle
/// uses its own generator (SplitMix64), so a seed gives the same split on every .NET version.
/// </summary>
public static class RandomSplit
{
    /// <summary>
    /// Shuffles <paramref name="records"/> with <paramref name="seed"/> and sets their
    /// <see cref="MultimodalRecord.Split"/>: the first <c>round(n * train)</c> to train, the next
    /// <c>round(n * validation)</c> to validation, the rest to test. The list order is not changed.
    /// </summary>
    /// <exception cref="ArgumentException">A fraction is negative, or they do not add up to 1.</exception>
    public static void Assign(IReadOnlyList<MultimodalRecord> records, double train, double validation, double test, int seed)
    {
        if (train < 0 || validation < 0 || test < 0 || Math.Abs(train + validation + test - 1) > 1e-6)
            throw new ArgumentException($"split fractions must be >= 0 and add up to 1 (got {train}, {validation}, {test})");

        int n = records.Count;
        int[] order = Enumerable.Range(0, n).ToArray();
        new SplitMix64(seed).Shuffle(order);

        int trainCount = (int)Math.Round(n * train, MidpointRounding.AwayFromZero);
        int validationCount = Math.Min(n - trainCount, (int)Math.Round(n * validation, MidpointRounding.AwayFromZero));
        for (int k = 0; k < n; k++)
            records[order[k]].Split = k < trainCount ? SplitNames.Train
                : k < trainCount + validationCount ? SplitNames.Validation
                : SplitNames.Test;
    }
}
