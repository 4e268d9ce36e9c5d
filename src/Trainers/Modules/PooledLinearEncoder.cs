using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The low-resource audio alternative: average-pool the spectrogram to a fixed grid, flatten, and
/// map linearly to C features (a plain Linear over 3·257·750 inputs would need ~150M weights).
/// </summary>
public sealed class PooledLinearEncoder : nn.Module<Tensor, Tensor>
{
    private readonly AdaptiveAvgPool2d pool;
    private readonly Linear linear;

    public PooledLinearEncoder(int inChannels, int outChannels, int grid = 8) : base(nameof(PooledLinearEncoder))
    {
        pool = nn.AdaptiveAvgPool2d(new long[] { grid, grid });
        linear = nn.Linear(inChannels * grid * grid, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => linear.forward(pool.forward(input).flatten(1));
}
