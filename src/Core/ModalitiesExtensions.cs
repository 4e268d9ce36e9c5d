namespace MsaMl;

/// <summary>Naming and checking sets of <see cref="Modalities"/>.</summary>
public static class ModalitiesExtensions
{
    private static readonly Modalities[] Order = { Modalities.Audio, Modalities.Image, Modalities.Text, Modalities.Visual };

    /// <summary>The single modalities of a set, in input order (audio, image, text, visual).</summary>
    public static IReadOnlyList<Modalities> Members(this Modalities set) => Order.Where(m => set.HasFlag(m)).ToArray();

    /// <summary>The set in words, e.g. "audio + text", or "no modality".</summary>
    public static string Describe(this Modalities set) =>
        set == Modalities.None ? "no modality" : string.Join(" + ", set.Members().Select(m => m.ToString().ToLowerInvariant()));

    /// <summary>
    /// Throws unless <paramref name="available"/> holds every modality of <paramref name="needed"/>;
    /// the message names the model, what it reads and what the data has.
    /// </summary>
    /// <exception cref="ArgumentException">A needed modality is missing.</exception>
    public static void RequireWithin(this Modalities needed, Modalities available, string model, string data)
    {
        var missing = needed & ~available;
        if (missing != Modalities.None)
            throw new ArgumentException(
                $"Model '{model}' reads {needed.Describe()}, but {data} has {available.Describe()} (missing: {missing.Describe()}).");
    }
}
