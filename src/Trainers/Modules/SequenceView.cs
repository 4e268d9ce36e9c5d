using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Views a feature batch as a sequence [batch, length, features]: a [channels, freq, time]
/// spectrogram as time frames, [tokens, hidden] embeddings as tokens, a plain vector as one step.
/// </summary>
public static class SequenceView
{
    /// <summary>Length and width of the sequence view of rows of shape <paramref name="rowShape"/>.</summary>
    public static (long Length, long Width) Of(int[] rowShape) => rowShape.Length switch
    {
        1 => (1, rowShape[0]),
        2 => (rowShape[0], rowShape[1]),
        3 => (rowShape[2], (long)rowShape[0] * rowShape[1]),
        _ => throw new ArgumentException($"Expected a vector, [steps, features] or [channels, freq, time] rows; found [{string.Join(", ", rowShape)}]."),
    };

    public static Tensor Apply(Tensor batch) => batch.dim() switch
    {
        2 => batch.unsqueeze(1),
        3 => batch,
        4 => batch.flatten(1, 2).transpose(1, 2),
        _ => throw new ArgumentException($"Expected a batch of rank 2 to 4, found rank {batch.dim()}."),
    };

    /// <summary>True for steps that are all zero (padding, or a missing modality); never masks every step of a row.</summary>
    public static Tensor PaddingMask(Tensor sequence)
    {
        var padding = sequence.abs().sum(-1).eq(TorchScalars.Of(0));
        var allPadded = padding.all(1, keepdim: true);
        var first = zeros_like(padding).to_type(ScalarType.Bool);
        first[TensorIndex.Colon, 0] = tensor(true);
        return padding.logical_and(allPadded.logical_and(first).logical_not());
    }
}
