using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// Any feature column read as a sequence, pooled by learned attention over its steps, padding left
/// out -> Linear -> ReLU -> [Width]: for a video's frames, where which frames matter varies and short
/// videos are padded with zero frames.
/// </summary>
public sealed class AttentionPooledOptions : EncoderOptions
{
    /// <summary>The length of the embedding.</summary>
    public int Width { get; set; } = 32;

    /// <summary>The width of the attention's hidden layer.</summary>
    public int AttentionDim { get; set; } = 64;

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        OptionCheck.Require(Width >= 1, nameof(Width), Width, "expected 1 or more");
        OptionCheck.Require(AttentionDim >= 1, nameof(AttentionDim), AttentionDim, "expected 1 or more");
        return new(new AttentionPooledEmbedding(SequenceView.Of(rowShape).Width, AttentionDim, Width), Width);
    }
}
