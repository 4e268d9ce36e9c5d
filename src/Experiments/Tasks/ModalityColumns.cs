namespace MsaMl.Experiments;

/// <summary>The columns that carry one modality of a task, from the scoring input to the features models read.</summary>
/// <param name="Modality">The modality.</param>
/// <param name="ScoringColumn">The input column a saved model scores from (Text, AudioPath, ImagePath); empty means missing.</param>
/// <param name="NetworkColumn">What the seed paper's models (AAT, OTE) read: the spectrogram, the image pixels, the token embeddings.</param>
/// <param name="SequenceColumn">What fusion heads and composed encoders read: the spectrogram, the image features (pixels in a quick run), the token embeddings.</param>
/// <param name="PooledColumns">The pooled vectors early fusion and pooled models read (functionals and log-mel statistics, image features, the sentence embedding).</param>
public sealed record ModalityColumns(Modalities Modality, string ScoringColumn, string NetworkColumn, string SequenceColumn, IReadOnlyList<string> PooledColumns)
{
    /// <summary>Text: the WordPiece token ids that token-id encoders (word embeddings, a fine-tuned BERT) read; null when the task does not compute them.</summary>
    public string? TokenIdsColumn { get; init; }
}
