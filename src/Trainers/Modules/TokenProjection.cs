using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>BERT token embeddings [batch, tokens·hidden] (already flat) -> Linear -> [batch, outDim], optionally ReLU.</summary>
public sealed class TokenProjection : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;
    private readonly bool _relu;

    public TokenProjection(long inputSize, int outDim, bool relu) : base(nameof(TokenProjection))
    {
        linear = nn.Linear(inputSize, outDim);
        _relu = relu;
        RegisterComponents();
    }

    public override Tensor forward(Tensor tokens)
    {
        var projected = linear.forward(tokens.flatten(1));
        return _relu ? nn.functional.relu(projected) : projected;
    }
}
