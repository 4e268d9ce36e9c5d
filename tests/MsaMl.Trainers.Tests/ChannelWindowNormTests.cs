using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class ChannelWindowNormTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(48)]
    [InlineData(96)]
    public void MatchesLibTorchLocalResponseNorm(long size)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(11);
        var input = randn(2, 96, 5, 7) * 3;
        var expected = nn.LocalResponseNorm(size).forward(input);
        var actual = new ChannelWindowNorm(size).forward(input);
        var error = (actual - expected).abs().max().item<float>();
        Assert.True(error < 1e-5f, $"max abs error {error}");
    }

    [Fact]
    public void GradientsMatchLibTorch()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(12);
        var a = randn(1, 16, 3, 3, requires_grad: true);
        var b = a.detach().clone().requires_grad_(true);
        nn.LocalResponseNorm(16).forward(a).square().sum().backward();
        new ChannelWindowNorm(16).forward(b).square().sum().backward();
        Assert.True((a.grad! - b.grad!).abs().max().item<float>() < 1e-5f);
    }
}
