using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>A precomputed feature vector -> Linear -> ReLU (for frozen pretrained image features).</summary>
public sealed class FeatureProjection : nn.Module<Tensor, Tensor>
{
    private readonly Linear linear;

    public FeatureProjection(long inputSize, int outDim) : base(nameof(FeatureProjection))
    {
        linear = nn.Linear(inputSize, outDim);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => nn.functional.relu(linear.forward(input.flatten(1)));
}
