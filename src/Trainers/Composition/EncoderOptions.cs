using System.Text.Json.Serialization;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition;

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
