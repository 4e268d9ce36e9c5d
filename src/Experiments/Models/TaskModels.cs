namespace MsaMl.Experiments.Models;

/// <summary>
/// The model names <c>msa train --model</c> accepts and what each reads, in the one
/// <see cref="Modalities"/> vocabulary: a dataset declares the modalities it provides, a model
/// reads a subset of them. A new model shape is one entry here and one case in
/// <see cref="TaskModelBuilder"/>; a new encoder, fusion or head needs neither (<c>composed</c>).
/// </summary>
public static class TaskModels
{
    /// <summary>Every named model, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<NamedModel> All { get; } =
    [
        new("audio", ModelShape.SingleModality, Modalities.Audio),
        new("image", ModelShape.SingleModality, Modalities.Image),
        new("text", ModelShape.SingleModality, Modalities.Text),
        new("visual", ModelShape.SingleModality, Modalities.Visual),
        new("aat", ModelShape.Aat, Modalities.Audio | Modalities.Text),
        new("ote", ModelShape.Ote, Modalities.Image | Modalities.Text),
        new("early", ModelShape.Early, Modalities.None),
        new("late", ModelShape.Late, Modalities.None),
        new("tfn", ModelShape.TensorFusion, Modalities.None),
        new("attention", ModelShape.Attention, Modalities.None),
        new("composed", ModelShape.Composed, Modalities.None),
    ];

    /// <summary>The model names that fit a dataset declaring <paramref name="declared"/>.</summary>
    public static IReadOnlyList<string> Names(Modalities declared) => All.Where(m => m.Fits(declared)).Select(m => m.Name).ToArray();

    /// <summary>The single-modality model of one modality (a late-fusion member): audio, image, text or visual.</summary>
    public static NamedModel Single(Modalities modality) => All.First(m => m.Shape == ModelShape.SingleModality && m.Fixed == modality);

    /// <summary>The model trained when none is named: the seed paper's model of the data (AAT with audio, OTE with images), else text.</summary>
    public static string Default(Modalities declared) =>
        declared.HasFlag(Modalities.Audio) && declared.HasFlag(Modalities.Text) ? "aat"
        : declared.HasFlag(Modalities.Image) && declared.HasFlag(Modalities.Text) ? "ote"
        : Single(declared.Members()[0]).Name;

    /// <summary>The model a name selects on a dataset declaring <paramref name="declared"/>.</summary>
    /// <exception cref="ArgumentException">
    /// The name is unknown, or the model reads a modality the dataset lacks; the message says what the
    /// model reads, what the dataset has, and lists the valid names.
    /// </exception>
    public static NamedModel Parse(string name, Modalities declared)
    {
        var model = All.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"Unknown model '{name}'; expected one of: {string.Join(", ", Names(declared))}.");
        if (!model.Fits(declared))
            throw new ArgumentException($"Model '{name}' reads {model.Fixed.Describe()}, but the dataset has {declared.Describe()}; expected one of: {string.Join(", ", Names(declared))}.");
        return model;
    }

    /// <summary>
    /// The modalities a model reads on a dataset declaring <paramref name="declared"/>: its fixed set,
    /// or for a fusion every declared modality; narrowed to <paramref name="chosen"/> when given.
    /// </summary>
    /// <exception cref="ArgumentException">The chosen set is empty, outside the model's or the dataset's set, or too small for a fusion.</exception>
    public static Modalities Reads(NamedModel model, Modalities declared, Modalities? chosen = null)
    {
        var all = model.Fixed != Modalities.None ? model.Fixed : declared;
        if (chosen is not { } subset) return all;
        if (subset == Modalities.None || (subset & ~all) != Modalities.None)
            throw new ArgumentException($"Model '{model.Name}' reads a non-empty subset of {all.Describe()}; model.modalities asks for {subset.Describe()}.");
        if (model.Shape is ModelShape.TensorFusion or ModelShape.Attention or ModelShape.Late && subset.Members().Count < 2)
            throw new ArgumentException($"Model '{model.Name}' fuses at least two modalities; model.modalities asks for {subset.Describe()}.");
        return subset;
    }
}
