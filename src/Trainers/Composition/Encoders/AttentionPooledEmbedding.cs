using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// [batch, ...] read as a sequence -> a learned weight per step, e = u^T tanh(W x + b), softmax over
/// the steps that are not padding (<see cref="SequenceView.PaddingMask"/>: all-zero steps, such as the
/// frames after a short video's last) -> the weighted sum -> Linear -> ReLU.
/// </summary>
public sealed class AttentionPooledEmbedding : nn.Module<Tensor, Tensor>
{
    private readonly Linear projection;
    private readonly Linear context;
    private readonly Linear linear;

    /// <summary>Steps of <paramref name="stepWidth"/> features, scored in <paramref name="attentionDim"/> dimensions, to an embedding of <paramref name="width"/>.</summary>
    public AttentionPooledEmbedding(long stepWidth, int attentionDim, int width) : base(nameof(AttentionPooledEmbedding))
    {
        projection = nn.Linear(stepWidth, attentionDim);
        context = nn.Linear(attentionDim, 1, hasBias: false);
        linear = nn.Linear(stepWidth, width);
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var steps = SequenceView.Apply(input);                                                   // [b, L, F]
        var energy = context.forward(projection.forward(steps).tanh()).squeeze(-1);             // [b, L]
        var weights = energy.masked_fill(SequenceView.PaddingMask(steps), TorchScalars.Of(double.NegativeInfinity)).softmax(-1).unsqueeze(-1);
        return nn.functional.relu(linear.forward((weights * steps).sum(1))).MoveToOuterDisposeScope();
    }
}
