namespace MsaMl.Experiments.Models;

/// <summary>
/// A model name <c>msa train --model</c> accepts: how it is built and which modalities it reads.
/// </summary>
/// <param name="Name">The name, lower case.</param>
/// <param name="Shape">How it is built.</param>
/// <param name="Fixed">
/// The modalities it always reads (a single-modality model, AAT, OTE); <see cref="Modalities.None"/>
/// for the fusions, which read every modality of the dataset, or the subset <c>model.modalities</c> names.
/// </param>
public sealed record NamedModel(string Name, ModelShape Shape, Modalities Fixed)
{
    /// <summary>Whether the model can be trained on a dataset that declares <paramref name="declared"/>.</summary>
    public bool Fits(Modalities declared) => (Fixed & ~declared) == Modalities.None && (Fixed != Modalities.None || declared.Members().Count >= 1);
}
