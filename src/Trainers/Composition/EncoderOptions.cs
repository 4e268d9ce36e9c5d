using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

/// <summary>An encoder module and the width of its output's last dimension.</summary>
/// <param name="Module">Reads a batch of one feature column.</param>
/// <param name="Width">The size of the output's last dimension (a vector's length, or a sequence's step width).</param>
public sealed record EncoderModule(nn.Module<Tensor, Tensor> Module, long Width);

/// <summary>
/// One encoder of a composition: reads the feature column of one modality. Subclass it (and
/// <see cref="Create"/>) for a new encoder; the type's full name is saved with the model.
/// </summary>
[JsonConverter(typeof(CompositionPartConverter<EncoderOptions>))]
public abstract class EncoderOptions
{
    /// <summary>The modality this encoder reads.</summary>
    public Modalities Modality { get; set; }

    /// <summary>The feature column it reads.</summary>
    public string ColumnName { get; set; } = "";

    /// <summary>Creates the encoder for rows of <paramref name="rowShape"/> (the column's shape without the batch).</summary>
    public abstract EncoderModule Create(int[] rowShape);

    /// <summary>
    /// Gives the module made by <see cref="Create"/> pretrained starting weights before training
    /// (for example word embeddings read from a file). Called by the trainer after the whole
    /// network is created, never when a saved model is loaded (its weights replace these). Draws no
    /// random numbers, so seeded initializations of the other modules do not move. Default: nothing.
    /// </summary>
    public virtual void InitializeForTraining(nn.Module<Tensor, Tensor> module)
    {
    }
}
