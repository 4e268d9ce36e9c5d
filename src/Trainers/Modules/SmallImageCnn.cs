using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The OTE paper's small image CNN: conv 7x7/2 (64) -> ReLU -> max-pool 3/2 -> conv 3x3 (516) ->
/// BN -> ReLU -> conv 3x3/2 (1024) -> BN -> ReLU -> global average pool -> dropout 0.6 -> Linear.
/// </summary>
public sealed class SmallImageCnn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public SmallImageCnn(int outDim, int middle = 516, int wide = 1024) : base(nameof(SmallImageCnn))
    {
        layers = nn.Sequential(
            ("conv1", nn.Conv2d(3, 64, kernel_size: 7, stride: 2, padding: 3)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(kernel_size: 3, stride: 2, padding: 1)),
            ("conv2", nn.Conv2d(64, middle, kernel_size: 3, padding: 1, bias: false)),
            ("bn2", new BatchNorm2dCounted(middle)),
            ("relu2", nn.ReLU()),
            ("conv3", nn.Conv2d(middle, wide, kernel_size: 3, stride: 2, padding: 1, bias: false)),
            ("bn3", new BatchNorm2dCounted(wide)),
            ("relu3", nn.ReLU()),
            ("gap", nn.AdaptiveAvgPool2d(1)),
            ("flatten", nn.Flatten()),
            ("dropout", nn.Dropout(0.6)),
            ("fc", nn.Linear(wide, outDim)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
