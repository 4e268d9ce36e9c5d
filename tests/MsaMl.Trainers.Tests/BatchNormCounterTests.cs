using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Ote;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>
/// TorchSharp's BatchNorm counts batches with a temporary Scalar (a GC race); every network MsaMl
/// builds uses <see cref="BatchNorm2dCounted"/>, which behaves the same.
/// </summary>
public sealed class BatchNormCounterTests
{
    [Fact]
    public void ResNet50AndTheSmallCnnsHaveNoTorchSharpBatchNorm()
    {
        using var resnet = new ImageEncoderOptions { Network = OteImageEncoder.ResNet50, OutDim = 8 }.Create(new[] { 3, 32, 32 }).Module;
        Assert.Empty(resnet.modules().OfType<BatchNorm>());
        Assert.True(resnet.modules().OfType<BatchNorm2dCounted>().Count() >= 50);
        using var small = new SmallAudioCnn(3, 8);
        Assert.Empty(small.modules().OfType<BatchNorm>());
        Assert.Equal(3, small.modules().OfType<BatchNorm2dCounted>().Count());
    }

    [Fact]
    public void CountsAndNormalizesLikeTorchSharpsBatchNorm()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var x = randn(6, 4, 5, 5);
        var ours = new BatchNorm2dCounted(4);
        var theirs = nn.BatchNorm2d(4);
        ours.train();
        theirs.train();
        for (int step = 0; step < 3; step++)
            Assert.True(ours.forward(x).allclose(theirs.forward(x), rtol: 1e-5, atol: 1e-6));
        ours.eval();
        theirs.eval();
        Assert.True(ours.forward(x).allclose(theirs.forward(x), rtol: 1e-5, atol: 1e-6));
        var state = ours.state_dict();
        Assert.Equal(theirs.state_dict().Keys.Order(), state.Keys.Order());
        Assert.Equal(3L, state["num_batches_tracked"].item<long>());
    }
}
