using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// Any feature column read as a sequence (<see cref="SequenceView"/>), averaged over its steps ->
/// Linear -> ReLU -> [Width] (TFN's per-modality embedding).
/// </summary>
public sealed class MeanPooledOptions : EncoderOptions
{
    /// <summary>The length of the embedding.</summary>
    public int Width { get; set; } = 32;

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape) => new(new MeanPooledEmbedding(SequenceView.Of(rowShape).Width, Width), Width);
}
