namespace MsaMl.Transforms.Text;

/// <summary>
/// How much of a text column the BERT vocabulary of <see cref="BertEmbeddingOptions"/> covers:
/// the share of WordPiece tokens that come out as <c>[UNK]</c>. The embedded English MiniLM
/// vocabulary knows few Chinese characters, so CH-SIMS transcripts through it are mostly unknown
/// tokens; the check lets a reader or a run say so and name the options to set
/// (<see cref="BertEmbeddingOptions.ModelPath"/> and <see cref="BertEmbeddingOptions.VocabPath"/>).
/// </summary>
public static class VocabularyCoverage
{
    /// <summary>Above this share of [UNK] tokens, <see cref="Warning"/> speaks up.</summary>
    public const double WarningThreshold = 0.3;

    /// <summary>The share of tokens of <paramref name="texts"/> that the vocabulary maps to [UNK] (0 when there are no tokens).</summary>
    public static double UnknownShare(IEnumerable<string> texts, BertEmbeddingOptions? options = null)
    {
        var tokenizer = BertEncoder.For(options ?? new BertEmbeddingOptions()).Tokenizer;
        long unknown = 0, total = 0;
        foreach (string text in texts)
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            foreach (int id in tokenizer.EncodeToIds(text, addSpecialTokens: false))
            {
                total++;
                if (id == tokenizer.UnknownTokenId) unknown++;
            }
        }
        return total == 0 ? 0 : unknown / (double)total;
    }

    /// <summary>
    /// A one-line warning when more than <see cref="WarningThreshold"/> of the tokens are [UNK]
    /// (naming the share and the options to set), else null.
    /// </summary>
    /// <param name="texts">The texts to be encoded (a sample is enough).</param>
    /// <param name="options">The text encoder's options; null for the embedded MiniLM.</param>
    /// <param name="what">What the texts are, for the message (for example "CH-SIMS transcripts").</param>
    public static string? Warning(IEnumerable<string> texts, BertEmbeddingOptions? options, string what)
    {
        double share = UnknownShare(texts, options);
        if (share <= WarningThreshold) return null;
        string vocabulary = options?.VocabPath is { } path ? $"the vocabulary {path}" : "the embedded English MiniLM vocabulary";
        return $"{share:P0} of the tokens of the {what} are [UNK] in {vocabulary}: the text features carry little information. " +
               "Set BertEmbeddingOptions.ModelPath and BertEmbeddingOptions.VocabPath to a BERT ONNX model and vocab.txt that cover the language " +
               "(for Chinese, e.g. an export of bert-base-chinese).";
    }
}
