using MsaMl.Trainers.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class TorchRuntimeTests
{
    [Fact]
    public void LibTorchLoadsAndReportsCpu()
    {
        var info = TorchDevices.Probe();
        Assert.StartsWith("2.", info.LibTorchVersion);
        Assert.Equal(info.CudaAvailable, info.CudaDeviceCount > 0);

        // The reported default device must really hold tensors: a wrong name fails to parse or to allocate.
        using var scope = NewDisposeScope();
        var onDefault = ones(3).to(new Device(info.DefaultDevice));
        Assert.Equal(info.CudaAvailable ? DeviceType.CUDA : DeviceType.CPU, onDefault.device_type);
        Assert.Equal(3f, onDefault.sum().cpu().item<float>());
    }

    [Fact]
    public void Conv2dForwardAndBackwardComputeGradients()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var conv = nn.Conv2d(1, 4, 3, padding: 1);
        var input = randn(2, 1, 16, 20);
        var output = conv.forward(input);
        Assert.Equal(new long[] { 2, 4, 16, 20 }, output.shape);

        // d(sum(conv(x)))/d(bias) = number of output positions per channel.
        output.sum().backward();
        var biasGrad = conv.bias!.grad!.data<float>().ToArray();
        Assert.All(biasGrad, g => Assert.Equal(2 * 16 * 20, g, 3));
        Assert.True(conv.weight!.grad!.abs().sum().item<float>() > 0);
    }
}
