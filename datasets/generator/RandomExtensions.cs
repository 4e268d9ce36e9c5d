namespace MsaMl.DemoCorpus;

/// <summary>Sampling helpers over <see cref="Random"/> (seeded, so the corpus is reproducible).</summary>
public static class RandomExtensions
{
    /// <summary>A normal sample (Box-Muller).</summary>
    public static double Gaussian(this Random random, double mean, double std)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return mean + std * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    public static double Uniform(this Random random, double min, double max) => min + (max - min) * random.NextDouble();

    public static T Pick<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    /// <summary>
    /// An endless sequence that goes through <paramref name="items"/> in a fresh random order each
    /// round, so every item is used about equally often.
    /// </summary>
    public static IEnumerator<T> Cycle<T>(this Random random, IReadOnlyList<T> items)
    {
        var order = items.ToArray();
        while (true)
        {
            random.Shuffle(order);
            foreach (var item in order) yield return item;
        }
    }
}
