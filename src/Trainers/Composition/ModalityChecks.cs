namespace MsaMl.Trainers.Composition;

/// <summary>Checks of the modalities a named composition is asked to read.</summary>
internal static class ModalityChecks
{
    /// <summary>Throws unless <paramref name="requested"/> is a non-empty subset of what <paramref name="model"/> can read.</summary>
    public static void RequireSubset(string model, Modalities requested, Modalities readable)
    {
        if (requested == Modalities.None || (requested & ~readable) != Modalities.None)
            throw new ArgumentException($"{model} reads {readable.Describe()} or one of them; Modalities = {requested.Describe()}.");
    }
}
