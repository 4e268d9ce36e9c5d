using MsaMl.Trainers.Native;
using MsaMl.Trainers.Training;
using System.Runtime.InteropServices;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>
/// The input gradient of a float32 convolution, as MsaMl's training loop runs it, equals the
/// float64 one. libtorch 2.10's oneDNN path reads its blocked layout's unwritten channel padding
/// when the output width is no multiple of 16: with AVX-512 an 8-channel layer's gradient came out
/// wrong or NaN (models trained to NaN, run to run), a 516-channel layer's (the paper's image CNN)
/// on every x64 CPU. Without the native-convolution scope the first two cases fail on such CPUs.
/// </summary>
public sealed class ConvolutionGradientTests
{
    [Theory]
    [InlineData(8, 8, 4)]     // below the AVX-512 block of 16
    [InlineData(32, 24, 8)]   // a multiple of AVX2's 8, not of 16
    [InlineData(64, 516, 8)]  // the paper's width: no multiple of 8 or 16
    [InlineData(16, 16, 8)]   // whole blocks: oneDNN stays on and is right
    public void InputGradientEqualsTheFloat64One(int inChannels, int outChannels, int size)
    {
        TorchDevices.Ready();
        random.manual_seed(3);
        using var conv = nn.Conv2d(inChannels, outChannels, 3, padding: 1, bias: false);
        using var native = LibTorchCpuSettings.NativeConvolutionsFor(conv, CPU);
        if (LibTorchCpuSettings.CanSwitchOneDnn) Assert.Equal(outChannels % 16 == 0, LibTorchCpuSettings.OneDnnConvolutionsOn);
        for (int repeat = 0; repeat < 20; repeat++)
        {
            using var scope = NewDisposeScope();
            var x = randn(8, inChannels, size, size).requires_grad_(true);
            var y = conv.forward(x);
            var upstream = randn(y.shape);
            y.backward(new[] { upstream });

            var x64 = x.detach().to(ScalarType.Float64).requires_grad_(true);
            nn.functional.conv2d(x64, conv.weight!.detach().to(ScalarType.Float64), padding: new long[] { 1, 1 }).backward(new[] { upstream.to(ScalarType.Float64) });
            double error = (x.grad!.to(ScalarType.Float64) - x64.grad!).abs().nan_to_num(nan: double.PositiveInfinity).max().item<double>();
            double scale = x64.grad!.abs().max().item<double>();
            Assert.True(error <= 1e-5 * scale,
                $"{inChannels}->{outChannels} channels, repeat {repeat}: input gradient off by {error:G3} (largest value {scale:G3}); {LibTorchCpuSettings.Status}");
        }
    }

    [Fact]
    public void OnlyNetworksWithAnUnsafeWidthTurnOneDnnOffAndTheLastScopeTurnsItBackOn()
    {
        TorchDevices.Ready();
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return;
        Assert.True(LibTorchCpuSettings.CanSwitchOneDnn, LibTorchCpuSettings.Status);
        using var safe = nn.Sequential(nn.Conv2d(3, 32, 3), nn.ReLU(), nn.Conv2d(32, 64, 3));
        using var unsafeWidth = nn.Sequential(nn.Conv2d(3, 32, 3), nn.Conv2d(32, 516, 3));
        Assert.False(LibTorchCpuSettings.HasUnsafeConvolution(safe));
        Assert.True(LibTorchCpuSettings.HasUnsafeConvolution(unsafeWidth));
        using var bare = nn.Conv2d(8, 8, 3);
        Assert.True(LibTorchCpuSettings.HasUnsafeConvolution(bare));

        using (LibTorchCpuSettings.NativeConvolutionsFor(safe, CPU)) Assert.True(OneDnnOn());
        var first = LibTorchCpuSettings.NativeConvolutionsFor(unsafeWidth, CPU);
        var second = LibTorchCpuSettings.NativeConvolutionsFor(unsafeWidth, CPU);
        Assert.False(OneDnnOn());
        first.Dispose();
        first.Dispose(); // twice counts once
        Assert.False(OneDnnOn());
        second.Dispose();
        Assert.True(OneDnnOn());
    }

    private static bool OneDnnOn() => LibTorchCpuSettings.OneDnnConvolutionsOn;
}
