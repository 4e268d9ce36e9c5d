using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// One post-LayerNorm BERT layer: multi-head self-attention (query, key, value, output dense,
/// residual, LayerNorm) then the feed-forward block (intermediate dense, GELU, output dense,
/// residual, LayerNorm). Forward takes the hidden states [batch, length, hidden] and the additive
/// attention bias [batch, 1, 1, length].
/// </summary>
internal sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Linear attentionOutput;
    private readonly LayerNorm attentionNorm;
    private readonly Linear intermediate;
    private readonly Linear output;
    private readonly LayerNorm outputNorm;
    private readonly int _heads;
    private readonly double _scoreDivisor;
    private readonly GeluKind _gelu;

    /// <summary>A layer of <paramref name="architecture"/>'s sizes, with torch's default initialization.</summary>
    public BertLayer(BertArchitecture architecture) : base(nameof(BertLayer))
    {
        long hidden = architecture.HiddenSize;
        query = nn.Linear(hidden, hidden);
        key = nn.Linear(hidden, hidden);
        value = nn.Linear(hidden, hidden);
        attentionOutput = nn.Linear(hidden, hidden);
        attentionNorm = nn.LayerNorm(hidden, architecture.LayerNormEpsilon);
        intermediate = nn.Linear(hidden, architecture.IntermediateSize);
        output = nn.Linear(architecture.IntermediateSize, hidden);
        outputNorm = nn.LayerNorm(hidden, architecture.LayerNormEpsilon);
        _heads = architecture.Heads;
        _scoreDivisor = architecture.ScoreDivisor;
        _gelu = architecture.Gelu;
        RegisterComponents();
    }

    /// <summary>Copies matched weights into the layer (<paramref name="role"/> names it in errors).</summary>
    public void Load(BertLayerWeights weights, string role)
    {
        OnnxWeightCopy.Into(query, weights.Query, role + " query");
        OnnxWeightCopy.Into(key, weights.Key, role + " key");
        OnnxWeightCopy.Into(value, weights.Value, role + " value");
        OnnxWeightCopy.Into(attentionOutput, weights.AttentionOutput, role + " attention output");
        OnnxWeightCopy.Into(attentionNorm, weights.AttentionNorm, role + " attention LayerNorm");
        OnnxWeightCopy.Into(intermediate, weights.Intermediate, role + " intermediate");
        OnnxWeightCopy.Into(output, weights.Output, role + " output");
        OnnxWeightCopy.Into(outputNorm, weights.OutputNorm, role + " output LayerNorm");
    }

    public override Tensor forward(Tensor hidden, Tensor attentionBias)
    {
        using var scope = NewDisposeScope();
        var q = SplitHeads(query.forward(hidden));
        var k = SplitHeads(key.forward(hidden));
        var v = SplitHeads(value.forward(hidden));
        var scores = q.matmul(k.transpose(-1, -2)).div(TorchScalars.Of(_scoreDivisor)).add(attentionBias, TorchScalars.One);
        var context = scores.softmax(-1).matmul(v).transpose(1, 2).flatten(2);    // [b, L, hidden]
        var attended = attentionNorm.forward(attentionOutput.forward(context).add(hidden, TorchScalars.One));
        var expanded = Gelu(intermediate.forward(attended));
        return outputNorm.forward(output.forward(expanded).add(attended, TorchScalars.One)).MoveToOuterDisposeScope();
    }

    private Tensor SplitHeads(Tensor x) => x.view(x.shape[0], x.shape[1], _heads, -1).transpose(1, 2);   // [b, heads, L, d]

    private Tensor Gelu(Tensor x)
    {
        if (_gelu == GeluKind.Erf) return nn.functional.gelu(x);
        // 0.5 x (1 + tanh(sqrt(2 / pi) (x + 0.044715 x^3)))
        var inner = x.pow(TorchScalars.Of(3)).mul(TorchScalars.Of(0.044715)).add(x, TorchScalars.One).mul(TorchScalars.Of(Math.Sqrt(2 / Math.PI)));
        return inner.tanh().add(TorchScalars.One, TorchScalars.One).mul(x).mul(TorchScalars.Of(0.5));
    }
}
