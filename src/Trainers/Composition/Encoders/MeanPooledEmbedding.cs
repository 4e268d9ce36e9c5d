using MsaMl.Trainers.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>[batch, ...] read as a sequence -> mean over steps -> Linear -> ReLU.</summary>
public sealed class MeanPooledEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    /// <summary>Steps of <paramref name="stepWidth"/> features to an embedding of <paramref name="width"/>.</summary>
    public MeanPooledEmbedding(long stepWidth, int width) : base(nameof(MeanPooledEmbedding))
    {
        linear = nn.Linear(stepWidth, width);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => nn.functional.relu(linear.forward(SequenceView.Apply(input).mean(new long[] { 1 })));
}
