using System.Globalization;

namespace MsaMl.Datasets;

/// <summary>
/// Options of <see cref="GroupStratifiedSplit"/>: the train/validation/test fractions and the seed.
/// The fractions and the seed are part of an experiment's protocol; report them with its numbers.
/// </summary>
public sealed class GroupStratifiedSplitOptions
{
    /// <summary>Target fraction of the records in the training split (default 0.8).</summary>
    public double TrainFraction { get; set; } = 0.8;

    /// <summary>Target fraction of the records in the validation split (default 0.1; 0 for none).</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Target fraction of the records in the test split (default 0.1; 0 for none).</summary>
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Seed of the shuffle; the same seed and the same records give the same split on every platform.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>The protocol in words, e.g. <c>train/validation/test 0.8/0.1/0.1, seed 1</c>.</summary>
    public string Describe()
    {
        string fractions = string.Join("/", new[] { TrainFraction, ValidationFraction, TestFraction }
            .Select(f => f.ToString("0.###", CultureInfo.InvariantCulture)));
        return $"train/validation/test {fractions}, seed {Seed}";
    }

    /// <exception cref="ArgumentException">A fraction is negative or not a number, or they do not add up to 1.</exception>
    internal void Validate()
    {
        double[] fractions = [TrainFraction, ValidationFraction, TestFraction];
        if (fractions.Any(f => !(f >= 0)) || Math.Abs(fractions.Sum() - 1) > 1e-6)
            throw new ArgumentException(
                $"split fractions must be >= 0 and add up to 1 (got train {TrainFraction}, validation {ValidationFraction}, test {TestFraction})");
    }
}
