using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>Token embeddings [tokens, hidden] (or any feature vector), flattened -> Linear -> [OutDim], optionally ReLU (the text branch of AAT and OTE).</summary>
public sealed class TokenProjectionOptions : EncoderOptions
{
    /// <summary>Reads text from the <c>TextTokens</c> column unless set otherwise.</summary>
    public TokenProjectionOptions()
    {
        Modality = Modalities.Text;
        ColumnName = "TextTokens";
    }

    /// <summary>The length of the projection.</summary>
    public int OutDim { get; set; } = 256;

    /// <summary>Apply a ReLU after the projection (OTE does, AAT does not).</summary>
    public bool Relu { get; set; }

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape) =>
        new(new TokenProjection(rowShape.Aggregate(1L, (a, b) => a * b), OutDim, Relu), OutDim);
}
