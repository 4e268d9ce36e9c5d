using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The paper's attention pooling, eqs. (1)-(3): for each position a_i (a C-vector) of a
/// [batch, C, F', T'] map, e_i = u^T tanh(W a_i + b), alpha = softmax(lambda * e),
/// c = sum_i alpha_i a_i -> [batch, C]. (The authors' public code instead mixes positions with a
/// Linear(L, L); MsaMl implements the equations.)
/// </summary>
public sealed class AttentionPooling : nn.Module<Tensor, Tensor>
{
    private readonly Linear projection;
    private readonly Linear context;
    private readonly double _lambda;

    public AttentionPooling(int channels, double lambda) : base(nameof(AttentionPooling))
    {
        projection = nn.Linear(channels, channels);
        context = nn.Linear(channels, 1, hasBias: false);
        _lambda = lambda;
        RegisterComponents();
    }

    public override Tensor forward(Tensor map)
    {
        using var scope = NewDisposeScope();
        var positions = map.flatten(2).transpose(1, 2);                 // [b, L, C]
        var energy = context.forward(projection.forward(positions).tanh()).squeeze(-1); // [b, L]
        var weights = energy.mul(TorchScalars.Of(_lambda)).softmax(-1).unsqueeze(-1);     // [b, L, 1]
        return (weights * positions).sum(1).MoveToOuterDisposeScope();  // [b, C]
    }
}
