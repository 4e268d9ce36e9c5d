using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Text;

/// <summary>
/// Text -> contextual BERT token embeddings [MaxTokens, hidden] and/or a mean-pooled sentence
/// vector [hidden]. Rows are read ahead, sorted by token count and encoded in batches padded
/// only to their longest row. Empty or whitespace text gives all-zero outputs; longer text is
/// truncated to <see cref="BertEmbeddingOptions.MaxTokens"/>.
/// </summary>
public sealed class BertEmbeddingTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.BertEmbedding";

    private readonly BertEmbeddingOptions _options;
    private readonly BertEncoder _encoder;

    public BertEmbeddingTransformer(BertEmbeddingOptions options)
        : this(TransformFactory.Clone(options), BertEncoder.For(options.Validate()))
    {
        Progress = options.Progress;
    }

    private BertEmbeddingTransformer(BertEmbeddingOptions options, BertEncoder encoder)
        : base(options.InputColumnName, OutputColumnsOf(options, encoder.HiddenSize))
    {
        _options = options;
        _encoder = encoder;
    }

    internal static FeatureColumn[] OutputColumnsOf(BertEmbeddingOptions options, int hidden)
    {
        var columns = new List<FeatureColumn>();
        if (options.TokenEmbeddingsColumnName != null)
            columns.Add(new FeatureColumn(options.TokenEmbeddingsColumnName, "tokens,hidden", options.MaxTokens, hidden));
        if (options.SentenceEmbeddingColumnName != null)
            columns.Add(new FeatureColumn(options.SentenceEmbeddingColumnName, "hidden", hidden));
        return columns.ToArray();
    }

    /// <summary>The largest <see cref="BertEmbeddingOptions.MaxTokens"/>: BERT encoders read 512 positions, long-context ones 8192.</summary>
    public const int MaxTokensLimit = 8192;

    internal const int MaxBatch = 1 << 16;


    public override string Kind => KindName;
    public BertEmbeddingOptions Options => TransformFactory.Clone(_options);
    public int HiddenSize => _encoder.HiddenSize;
    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    /// <summary>A user-given encoder and vocabulary (<see cref="BertEmbeddingOptions.ModelPath"/>, <see cref="BertEmbeddingOptions.VocabPath"/>); none for the packaged MiniLM.</summary>
    public override IReadOnlyDictionary<string, string> SaveFiles() => SavedFiles.Of(
        (nameof(BertEmbeddingOptions.ModelPath), _options.ModelPath), (nameof(BertEmbeddingOptions.VocabPath), _options.VocabPath));
    protected internal override int BatchSize => _options.BucketWindow;
    protected internal override Featurizer CreateFeaturizer() => new BertFeaturizer(_options, _encoder);

    private sealed class BertFeaturizer : Featurizer
    {
        private readonly BertEmbeddingOptions _options;
        private readonly BertEncoder _encoder;
        private readonly int _tokensColumn;
        private readonly int _sentenceColumn;

        public BertFeaturizer(BertEmbeddingOptions options, BertEncoder encoder)
        {
            _options = options;
            _encoder = encoder;
            _tokensColumn = options.TokenEmbeddingsColumnName != null ? 0 : -1;
            _sentenceColumn = options.SentenceEmbeddingColumnName != null ? (_tokensColumn + 1) : -1;
        }

        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            var tokenized = new List<(int Row, int[] Ids)>(batch.Count);
            for (int i = 0; i < batch.Count; i++)
                if (!string.IsNullOrWhiteSpace(batch[i].Value))
                    tokenized.Add((i, _encoder.Tokenize(batch[i].Value, _options.MaxTokens)));

            tokenized.Sort((a, b) => a.Ids.Length.CompareTo(b.Ids.Length));
            for (int start = 0; start < tokenized.Count; start += _options.EncoderBatchSize)
            {
                int count = Math.Min(_options.EncoderBatchSize, tokenized.Count - start);
                Encode(tokenized.GetRange(start, count), outputs);
            }
        }

        private void Encode(List<(int Row, int[] Ids)> group, float[][] outputs)
        {
            int seq = group.Max(g => g.Ids.Length);
            int hidden = _encoder.HiddenSize;
            var ids = new long[group.Count * seq];
            var mask = new long[group.Count * seq];
            for (int b = 0; b < group.Count; b++)
                for (int t = 0; t < group[b].Ids.Length; t++)
                {
                    ids[b * seq + t] = group[b].Ids[t];
                    mask[b * seq + t] = 1;
                }

            var states = _encoder.Run(ids, mask, group.Count, seq);
            int maxTokens = _options.MaxTokens;
            for (int b = 0; b < group.Count; b++)
            {
                int row = group[b].Row, length = group[b].Ids.Length;
                var rowStates = states.AsSpan(b * seq * hidden, length * hidden);
                if (_tokensColumn >= 0)
                    rowStates.CopyTo(outputs[_tokensColumn].AsSpan(row * maxTokens * hidden, length * hidden));
                if (_sentenceColumn >= 0)
                    MeanPool(rowStates, length, hidden, outputs[_sentenceColumn].AsSpan(row * hidden, hidden));
            }
        }

        private void MeanPool(ReadOnlySpan<float> states, int length, int hidden, Span<float> pooled)
        {
            for (int t = 0; t < length; t++)
            {
                var token = states.Slice(t * hidden, hidden);
                for (int h = 0; h < hidden; h++) pooled[h] += token[h];
            }
            float scale = 1f / length;
            if (_options.NormalizeSentenceEmbedding)
            {
                double norm = 0;
                foreach (float v in pooled) norm += (double)v * v;
                scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
            }
            for (int h = 0; h < hidden; h++) pooled[h] *= scale;
        }
    }
}
