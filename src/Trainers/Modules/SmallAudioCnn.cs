using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The "simpler small CNN" the paper's final AAT runs used instead of AlexNet (not specified
/// there; this is MsaMl's choice): three conv-BN-ReLU blocks (32, 64, C channels), the first
/// strided, max-pooling after the first two -> [C, F/8, T/8]. Convolutions before batch norm have
/// no bias: its gradient is pure rounding noise, which Adam would amplify into non-determinism.
/// </summary>
public sealed class SmallAudioCnn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public SmallAudioCnn(int inChannels, int outChannels) : base(nameof(SmallAudioCnn))
    {
        layers = nn.Sequential(
            ("conv1", nn.Conv2d(inChannels, 32, kernel_size: 5, stride: 2, padding: 2, bias: false)),
            ("bn1", new BatchNorm2dCounted(32)),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(kernel_size: 2)),
            ("conv2", nn.Conv2d(32, 64, kernel_size: 3, padding: 1, bias: false)),
            ("bn2", new BatchNorm2dCounted(64)),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(kernel_size: 2)),
            ("conv3", nn.Conv2d(64, outChannels, kernel_size: 3, padding: 1, bias: false)),
            ("bn3", new BatchNorm2dCounted(outChannels)),
            ("relu3", nn.ReLU()));
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => layers.forward(input);
}
