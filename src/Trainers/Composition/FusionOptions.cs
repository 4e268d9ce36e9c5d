using System.Text.Json.Serialization;

namespace MsaMl.Trainers.Composition;

/// <summary>
/// How a composition fuses its encoders' outputs into one vector. A new fusion is one module plus
/// one subclass of this; the type's full name is saved with the model.
/// </summary>
[JsonConverter(typeof(CompositionPartConverter<FusionOptions>))]
public abstract class FusionOptions
{
    /// <summary>The fewest inputs the fusion accepts (1 unless the method needs pairs).</summary>
    [JsonIgnore]
    public virtual int MinimumInputs => 1;

    /// <summary>Creates the fusion for inputs whose last dimensions are <paramref name="inputWidths"/>.</summary>
    public abstract FusionModule Create(IReadOnlyList<long> inputWidths);
}
