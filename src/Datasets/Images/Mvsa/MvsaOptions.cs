namespace MsaMl.Datasets.Images;

/// <summary>
/// Options for <see cref="MvsaReader.Read"/>. MVSA has no official split, so the reader makes a
/// seeded random one over the posts it keeps; the fractions and seed are part of the protocol.
/// </summary>
public sealed class MvsaOptions
{
    /// <summary>The <c>MVSA_Single</c> or <c>MVSA</c> (Multiple) folder, holding <c>labelResultAll.txt</c> and <c>data/</c>.</summary>
    public string RootFolder { get; set; } = "";

    /// <summary>Fraction of kept posts in the training split.</summary>
    public double TrainFraction { get; set; } = 0.8;

    /// <summary>Fraction of kept posts in the validation split.</summary>
    public double ValidationFraction { get; set; } = 0.1;

    /// <summary>Fraction of kept posts in the test split.</summary>
    public double TestFraction { get; set; } = 0.1;

    /// <summary>Seed of the random split.</summary>
    public int Seed { get; set; } = 1;
}
