namespace MsaMl.Transforms.Text;

/// <summary>
/// Options of <see cref="TokenIdsTransformer"/>: text -> WordPiece token ids and an attention mask,
/// for text encoders that learn (a word-embedding encoder, a fine-tuned BERT). By default the
/// vocabulary and lower-casing of the embedded MiniLM, as <see cref="BertEmbeddingOptions"/> uses.
/// </summary>
public sealed class TokenIdsOptions
{
    /// <summary>Text column. Empty or whitespace text gives all-padding rows (ids 0, mask 0).</summary>
    public string InputColumnName { get; set; } = "Text";

    /// <summary>
    /// Token ids [MaxTokens] as Single (exact: vocabularies are far below 2^24 entries): [CLS], the
    /// WordPiece ids, [SEP], then the padding id 0 ([PAD] in BERT vocabularies).
    /// </summary>
    public string TokenIdsColumnName { get; set; } = "TextTokenIds";

    /// <summary>Attention mask [MaxTokens] as Single: 1 for [CLS], the tokens and [SEP], 0 for padding; null to skip.</summary>
    public string? AttentionMaskColumnName { get; set; } = "TextAttentionMask";

    /// <summary>Maximum tokens per row including [CLS] and [SEP] (3 to <see cref="BertEmbeddingTransformer.MaxTokensLimit"/>). Longer text is truncated.</summary>
    public int MaxTokens { get; set; } = 60;

    /// <summary>A WordPiece vocab.txt; null: the embedded MiniLM vocabulary. A model bundle embeds this file, never the path.</summary>
    public string? VocabPath { get; set; }

    /// <summary>Lower-case text before WordPiece (uncased models).</summary>
    public bool LowerCase { get; set; } = true;

    /// <summary>Checks the options; returns them.</summary>
    /// <exception cref="ArgumentException">An empty or repeated column name, or <see cref="MaxTokens"/> out of range.</exception>
    public TokenIdsOptions Validate()
    {
        if (string.IsNullOrWhiteSpace(TokenIdsColumnName))
            throw new ArgumentException("TokenIdsOptions.TokenIdsColumnName must name a column.", nameof(TokenIdsColumnName));
        if (AttentionMaskColumnName != null && (string.IsNullOrWhiteSpace(AttentionMaskColumnName) || AttentionMaskColumnName == TokenIdsColumnName))
            throw new ArgumentException($"TokenIdsOptions.AttentionMaskColumnName must be null or a column other than '{TokenIdsColumnName}', got '{AttentionMaskColumnName}'.", nameof(AttentionMaskColumnName));
        if (MaxTokens < 3 || MaxTokens > BertEmbeddingTransformer.MaxTokensLimit)
            throw new ArgumentOutOfRangeException(nameof(MaxTokens), $"TokenIdsOptions.MaxTokens must be 3 ([CLS], a token, [SEP]) to {BertEmbeddingTransformer.MaxTokensLimit}, got {MaxTokens}.");
        return this;
    }
}
