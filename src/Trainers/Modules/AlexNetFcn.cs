using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// The AAT audio network: AlexNet's convolutional stack without its fully connected layers, over a
/// [channels, freq, time] spectrogram -> [C, F', T'].
/// </summary>
public sealed class AlexNetFcn : nn.Module<Tensor, Tensor>
{
    private readonly Sequential layers;

    public AlexNetFcn(int inChannels, int outChannels, LrnMode lrnMode) : base(nameof(AlexNetFcn))
    {
        layers = nn.Sequential(
            ("conv1", nn.Conv2d(inChannels, 96, kernel_size: 11, stride: 4)),
            ("lrn1", new ChannelWindowNorm(LrnSize(96, lrnMode))),
            ("relu1", nn.ReLU()),
            ("pool1", nn.MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv2", nn.Conv2d(96, 256, kernel_size: 5, padding: 2)),
            ("lrn2", new ChannelWindowNorm(LrnSize(256, lrnMode))),
            ("relu2", nn.ReLU()),
            ("pool2", nn.MaxPool2d(kernel_size: 3, stride: 2)),
            ("conv3", nn.Conv2d(256, 384, kernel_size: 3, padding: 1)),
            ("relu3", nn.ReLU()),
            ("conv4", nn.Conv2d(384, 384, kernel_size: 3, padding: 1)),
            ("relu4", nn.ReLU()),
            ("conv5", nn.Conv2d(384, outChannels, kernel_size: 3, padding: 1)),
            ("relu5", nn.ReLU()),
            ("pool5", nn.MaxPool2d(kernel_size: 3, stride: 2)));
        RegisterComponents();
    }

    private static long LrnSize(int channels, LrnMode mode) => mode switch
    {
        LrnMode.Full => channels,
        LrnMode.Half => channels / 2,
        _ => 1,
    };

    public override Tensor forward(Tensor input) => layers.forward(input);
}
