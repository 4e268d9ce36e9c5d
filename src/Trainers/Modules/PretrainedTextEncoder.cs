using MsaMl.Trainers.Pretrained;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Token ids [batch, tokens] (floats holding integers; 0 = padding, so the attention mask is
/// id != 0) -> a BERT encoder (<see cref="PretrainedBertEncoder"/>) -> mean or [CLS] pooling ->
/// [batch, hidden]; positions that are padding in every row of a batch are dropped first. Only the top <c>trainableLayers</c> layers learn (-1: all and the embeddings);
/// the rest have <c>requires_grad</c> false and run without gradients. Trainable parameters learn at
/// the trainer's rate times <c>rateMultiplier</c>, times <c>layerDecay</c> per layer below the top.
/// </summary>
public sealed class PretrainedTextEncoder : nn.Module<Tensor, Tensor>, IScaledLearningRates
{
    private readonly PretrainedBertEncoder bert;
    private readonly string _column;
    private readonly int _trainableLayers;
    private readonly double _rateMultiplier;
    private readonly double _layerDecay;
    private readonly SentencePooling _pooling;

    /// <summary>An encoder of <paramref name="architecture"/>'s sizes over token-id column <paramref name="column"/> (named in errors).</summary>
    public PretrainedTextEncoder(string column, BertArchitecture architecture, int trainableLayers, double rateMultiplier, double layerDecay, SentencePooling pooling)
        : base(nameof(PretrainedTextEncoder))
    {
        if (trainableLayers < -1 || trainableLayers > architecture.Layers)
            throw new ArgumentOutOfRangeException(nameof(trainableLayers), $"TrainableLayers must be -1 (all and the embeddings) to {architecture.Layers} (the layers), got {trainableLayers}.");
        _column = column;
        _trainableLayers = trainableLayers;
        _rateMultiplier = rateMultiplier;
        _layerDecay = layerDecay;
        _pooling = pooling;
        bert = new PretrainedBertEncoder(architecture);
        RegisterComponents();
        foreach (var parameter in bert.parameters()) parameter.requires_grad = false;
        foreach (var (parameter, _) in LearningRateMultipliers()) parameter.requires_grad = true;
    }

    /// <summary>The wrapped BERT encoder.</summary>
    public PretrainedBertEncoder Bert => bert;

    /// <summary>The first layer that learns (the layer count when none does; -1 with the embeddings).</summary>
    private int FirstTrainable => _trainableLayers < 0 ? -1 : bert.LayerCount - _trainableLayers;

    /// <inheritdoc/>
    public IEnumerable<(Parameter Parameter, double Multiplier)> LearningRateMultipliers()
    {
        int layers = bert.LayerCount;
        double RateOf(int depthBelowTop) => _rateMultiplier * Math.Pow(_layerDecay, depthBelowTop);
        if (_trainableLayers < 0)
            foreach (var p in bert.EmbeddingParameters()) yield return (p, RateOf(layers));
        for (int i = Math.Max(FirstTrainable, 0); i < layers; i++)
            foreach (var p in bert.LayerParameters(i)) yield return (p, RateOf(layers - 1 - i));
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor tokenIds)
    {
        using var scope = NewDisposeScope();
        var ids = tokenIds.to_type(ScalarType.Int64);                          // [b, L]
        TokenIdRange.Check(ids, bert.Architecture.VocabularySize, _column, "PretrainedTextEncoderOptions.Architecture.VocabularySize");
        var mask = ids.ne(TorchScalars.Of(0)).to_type(ScalarType.Int64);
        // Trailing positions that are padding in every row change nothing (their attention weight is 0): drop them.
        long length = UsedLength(mask);
        if (length < ids.shape[1])
        {
            ids = ids.narrow(1, 0, length);
            mask = mask.narrow(1, 0, length);
        }
        var states = bert.Forward(ids, mask, FirstTrainable);                  // [b, length, hidden]
        var pooled = _pooling == SentencePooling.Cls ? states.select(1, 0) : PretrainedBertEncoder.MeanPool(states, mask);
        return pooled.MoveToOuterDisposeScope();
    }

    /// <summary>One past the last position that is a token in some row (at least 1).</summary>
    private static long UsedLength(Tensor mask)
    {
        var perPosition = mask.sum(dim: 0).cpu().data<long>().ToArray();
        long length = perPosition.Length;
        while (length > 1 && perPosition[length - 1] == 0) length--;
        return length;
    }
}
