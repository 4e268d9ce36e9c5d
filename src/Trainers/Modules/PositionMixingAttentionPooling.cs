using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The attention pooling as the authors' public code has it, for comparison with the paper's
/// equations (<see cref="AttentionPooling"/>): its W is a Linear(L, L) that mixes the L positions
/// of each channel, t = tanh(W a); the energies e_i = u^T t_i and alpha = softmax(lambda * e) then
/// weight the transformed vectors t_i, not the a_i: c = sum_i alpha_i t_i.
/// </summary>
public sealed class PositionMixingAttentionPooling : nn.Module<Tensor, Tensor>
{
    private readonly Linear mixing;
    private readonly Linear context;
    private readonly double _lambda;

    public PositionMixingAttentionPooling(int channels, long positions, double lambda) : base(nameof(PositionMixingAttentionPooling))
    {
        mixing = nn.Linear(positions, positions);
        context = nn.Linear(channels, 1, hasBias: false);
        _lambda = lambda;
        RegisterComponents();
    }

    public override Tensor forward(Tensor map)
    {
        using var scope = NewDisposeScope();
        var transformed = mixing.forward(map.flatten(2)).tanh().transpose(1, 2);   // [b, L, C]
        var weights = context.forward(transformed).squeeze(-1).mul(TorchScalars.Of(_lambda)).softmax(-1).unsqueeze(-1);
        return (weights * transformed).sum(1).MoveToOuterDisposeScope();           // [b, C]
    }
}
