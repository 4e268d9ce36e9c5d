using System.Text.Json.Nodes;
using Microsoft.ML.Tokenizers;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Text;

/// <summary>
/// Text -> WordPiece token ids [MaxTokens] and an attention mask [MaxTokens], both Single, with the
/// tokenizer and vocabulary of <see cref="BertEmbeddingTransformer"/> (no ONNX model is loaded).
/// Trainable text encoders read these columns; the padding id is 0, so an encoder that reads the
/// ids alone recovers the mask as id != 0.
/// </summary>
public sealed class TokenIdsTransformer : FeaturizingTransformer
{
    /// <summary>The kind under which bundles save this transform.</summary>
    public const string KindName = "MsaMl.TokenIds";

    private readonly TokenIdsOptions _options;
    private readonly BertTokenizer _tokenizer;

    /// <summary>A transform with these options (checked; the vocabulary is loaded once per process).</summary>
    public TokenIdsTransformer(TokenIdsOptions options)
        : this(TransformFactory.Clone(options.Validate()), TokenizerOf(options))
    {
    }

    private TokenIdsTransformer(TokenIdsOptions options, BertTokenizer tokenizer)
        : base(options.InputColumnName, OutputColumnsOf(options))
    {
        _options = options;
        _tokenizer = tokenizer;
    }

    private static BertTokenizer TokenizerOf(TokenIdsOptions options)
    {
        var tokenizer = WordPieceTokenizers.For(options.VocabPath, options.LowerCase);
        if (tokenizer.PaddingTokenId != 0)
            throw new ArgumentException($"TokenIdsOptions.VocabPath '{options.VocabPath}': the padding token {tokenizer.PaddingToken} has id {tokenizer.PaddingTokenId}; token-id columns pad with 0, so [PAD] must be the vocabulary's first line.", nameof(options));
        return tokenizer;
    }

    internal static FeatureColumn[] OutputColumnsOf(TokenIdsOptions options) => options.AttentionMaskColumnName == null
        ? new[] { new FeatureColumn(options.TokenIdsColumnName, "tokens", options.MaxTokens) }
        : new[] { new FeatureColumn(options.TokenIdsColumnName, "tokens", options.MaxTokens), new FeatureColumn(options.AttentionMaskColumnName, "tokens", options.MaxTokens) };

    /// <inheritdoc/>
    public override string Kind => KindName;

    /// <summary>A copy of the options.</summary>
    public TokenIdsOptions Options => TransformFactory.Clone(_options);

    /// <inheritdoc/>
    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    /// <summary>A user-given vocabulary (<see cref="TokenIdsOptions.VocabPath"/>); none for the packaged MiniLM one.</summary>
    public override IReadOnlyDictionary<string, string> SaveFiles() => SavedFiles.Of((nameof(TokenIdsOptions.VocabPath), _options.VocabPath));

    /// <inheritdoc/>
    protected internal override int BatchSize => 256;

    /// <inheritdoc/>
    protected internal override Featurizer CreateFeaturizer() => new TokenIdsFeaturizer(_tokenizer, _options.MaxTokens, _options.AttentionMaskColumnName != null);

    private sealed class TokenIdsFeaturizer(BertTokenizer tokenizer, int maxTokens, bool mask) : Featurizer
    {
        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            for (int row = 0; row < batch.Count; row++)
            {
                if (string.IsNullOrWhiteSpace(batch[row].Value)) continue;
                var ids = WordPieceTokenizers.Tokenize(tokenizer, batch[row].Value, maxTokens);
                for (int t = 0; t < ids.Length; t++)
                {
                    outputs[0][row * maxTokens + t] = ids[t];
                    if (mask) outputs[1][row * maxTokens + t] = 1f;
                }
            }
        }
    }
}
