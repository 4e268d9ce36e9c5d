using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// No encoder: the features as they are, for fusions that read sequences themselves (cross-modal
/// attention); the width is the step width of the column's <see cref="SequenceView"/>.
/// </summary>
public sealed class RawFeaturesOptions : EncoderOptions
{
    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape) => new(TorchSharp.torch.nn.Identity(), SequenceView.Of(rowShape).Width);
}
