using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>The paper's linear alternative to attention: Linear(L -> 1) over the L = F'·T' positions, per channel.</summary>
public sealed class LinearPooling : nn.Module<Tensor, Tensor>
{
    private readonly Linear weights;

    public LinearPooling(long positions) : base(nameof(LinearPooling))
    {
        weights = nn.Linear(positions, 1);
        RegisterComponents();
    }

    public override Tensor forward(Tensor map) => weights.forward(map.flatten(2)).squeeze(-1);
}
