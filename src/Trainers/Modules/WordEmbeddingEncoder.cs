using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Token ids [batch, tokens] (floats holding integers; 0 = padding) -> trainable word embeddings
/// [batch, tokens, dim] -> mean or attention pooling over the non-padding tokens -> [batch, dim].
/// A row of padding only gives zeros.
/// </summary>
public sealed class WordEmbeddingEncoder : nn.Module<Tensor, Tensor>
{
    private readonly Embedding embedding;
    private readonly Linear? attentionProjection;
    private readonly Linear? attentionContext;
    private readonly string _column;
    private readonly long _vocabulary;

    /// <summary>An encoder over <paramref name="vocabulary"/> ids of column <paramref name="column"/> (named in errors).</summary>
    public WordEmbeddingEncoder(string column, int vocabulary, int dim, WordPooling pooling) : base(nameof(WordEmbeddingEncoder))
    {
        _column = column;
        _vocabulary = vocabulary;
        embedding = nn.Embedding(vocabulary, dim, padding_idx: 0);
        if (pooling == WordPooling.Attention)
        {
            attentionProjection = nn.Linear(dim, dim);
            attentionContext = nn.Linear(dim, 1, hasBias: false);
        }
        RegisterComponents();
    }

    /// <summary>Replaces the embedding table with <paramref name="table"/> ([vocabulary, dim], row-major); the padding row stays zero.</summary>
    public void SetTable(float[] table)
    {
        using var noGrad = no_grad();
        using var values = tensor(table, embedding.weight!.shape);
        embedding.weight!.copy_(values);
        embedding.weight![0].zero_();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor tokenIds)
    {
        using var scope = NewDisposeScope();
        var ids = tokenIds.to_type(ScalarType.Int64);                        // [b, L]
        TokenIdRange.Check(ids, _vocabulary, _column, "WordEmbeddingOptions.VocabularySize");
        var mask = ids.ne(TorchScalars.Of(0));                                // [b, L]
        var maskValues = mask.to_type(ScalarType.Float32);
        var vectors = embedding.forward(ids);                                 // [b, L, D]
        Tensor weights;                                                       // [b, L], zero on padding
        if (attentionProjection == null)
            weights = maskValues.div(maskValues.sum(dim: 1, keepdim: true).clamp_min(TorchScalars.One));
        else
        {
            var energy = attentionContext!.forward(attentionProjection.forward(vectors).tanh()).squeeze(-1);
            weights = energy.masked_fill(mask.logical_not(), TorchScalars.Of(-1e9)).softmax(-1).mul(maskValues);
        }
        return weights.unsqueeze(-1).mul(vectors).sum(dim: 1).MoveToOuterDisposeScope();
    }
}
