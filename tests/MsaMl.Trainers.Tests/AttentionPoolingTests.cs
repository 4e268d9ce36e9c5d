using MsaMl.Trainers.Composition.Encoders;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class AttentionPoolingTests
{
    [Fact]
    public void FollowsThePapersEquations()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(9);
        const double lambda = 0.3;
        var pooling = new AttentionPooling(channels: 2, lambda);
        var map = randn(1, 2, 1, 3); // C = 2 channels, L = 3 positions
        var parameters = pooling.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var w = parameters["projection.weight"];
        var b = parameters["projection.bias"];
        var u = parameters["context.weight"];

        // e_i = u^T tanh(W a_i + b); alpha = softmax(lambda e); c = sum_i alpha_i a_i.
        var positions = Enumerable.Range(0, 3).Select(i => map[0, TensorIndex.Colon, 0, i]).ToArray();
        var energies = positions.Select(a => (u.matmul((w.matmul(a) + b).tanh())).item<float>() * lambda).ToArray();
        double max = energies.Max();
        var alpha = energies.Select(e => Math.Exp(e - max)).ToArray();
        double sum = alpha.Sum();
        var expected = new double[2];
        for (int i = 0; i < 3; i++)
            for (int c = 0; c < 2; c++) expected[c] += alpha[i] / sum * positions[i][c].item<float>();

        var actual = pooling.forward(map).data<float>().ToArray();
        Assert.Equal(expected[0], actual[0], 5);
        Assert.Equal(expected[1], actual[1], 5);
    }

    [Fact]
    public void TheAttentionPooledEncoderLeavesZeroPaddedStepsOut()
    {
        using var scope = NewDisposeScope();
        random.manual_seed(3);
        var encoder = (nn.Module<Tensor, Tensor>)new AttentionPooledOptions { Width = 4, AttentionDim = 5 }.Create([5, 6]).Module;
        var frames = randn(1, 3, 6);
        var padded = cat([frames, zeros(1, 2, 6)], 1);                  // a 3-frame video in 5 slots

        var pooled = encoder.forward(padded);

        Assert.Equal([1L, 4], pooled.shape);
        Assert.True(pooled.allclose(encoder.forward(frames), rtol: 1e-5, atol: 1e-6));
        Assert.False(pooled.allclose(encoder.forward(cat([frames, ones(1, 2, 6)], 1)), rtol: 1e-5, atol: 1e-6));
    }
}
