using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

/// <summary>
/// The head of a composition: the fused vector -> the model's outputs. The same heads serve
/// classification (one logit per class) and regression (one value): the trainer's
/// <see cref="Training.TorchTrainerOptions.OutputKind"/> fixes the output width and the loss.
/// </summary>
[JsonConverter(typeof(CompositionPartConverter<HeadOptions>))]
public abstract class HeadOptions
{
    /// <summary>Creates the head from a fused vector of <paramref name="inputWidth"/> to <paramref name="outputs"/> values.</summary>
    public abstract nn.Module<Tensor, Tensor> Create(long inputWidth, int outputs);
}
