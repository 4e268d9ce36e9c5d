using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class ParameterUpdaterTests
{
    /// <summary>Three steps on the same parameters and gradients, ours and torch.optim's.</summary>
    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.01)]
    [InlineData(OptimizerKind.Sgd, 0.0)]
    [InlineData(OptimizerKind.Sgd, 0.01)]
    public void MatchesTorchOptimizers(OptimizerKind kind, double weightDecay)
    {
        using var scope = NewDisposeScope();
        random.manual_seed(4);
        var start = randn(5, 3);
        var ours = new Parameter(start.clone());
        var theirs = new Parameter(start.clone());
        using var updater = new ParameterUpdater(new[] { ours }, kind, 0.05, weightDecay, momentum: 0.9);
        using var reference = kind == OptimizerKind.Adam
            ? (TorchSharp.torch.optim.Optimizer)optim.Adam(new[] { theirs }, 0.05, weight_decay: weightDecay)
            : optim.SGD(new[] { theirs }, 0.05, momentum: 0.9, weight_decay: weightDecay);

        for (int step = 0; step < 3; step++)
        {
            var target = randn(5, 3);
            updater.ZeroGrad();
            (ours - target).square().sum().backward();
            updater.Step();
            reference.zero_grad();
            (theirs - target).square().sum().backward();
            reference.step();
        }
        Assert.True((ours - theirs).abs().max().item<float>() < 1e-5f);
        Assert.True((ours - start).abs().max().item<float>() > 1e-3f);
    }
}
