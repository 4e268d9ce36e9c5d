using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

public sealed class BatchNormRecalibrationTests
{
    private sealed class Normalizer : nn.Module<Tensor[], Tensor>
    {
        private readonly BatchNorm1d norm = nn.BatchNorm1d(2);

        public Normalizer() : base(nameof(Normalizer)) => RegisterComponents();

        public BatchNorm1d Norm => norm;

        public override Tensor forward(Tensor[] inputs) => norm.forward(inputs[0]);
    }

    [Fact]
    public void RunningStatisticsBecomeTheTrainingDataMoments()
    {
        using var scope = NewDisposeScope();
        var values = new float[] { 1, 10, 2, 20, 3, 30, 4, 40, 6, 60, 8, 80 };
        var table = new TensorTable(new[] { new FeatureInput("x", values, new[] { 2 }) }, new int[6], 6);
        var model = new Normalizer();
        model.Norm.momentum = 0.5;

        BatchNormRecalibration.Run(model, table, CPU, batchSize: 2);

        // Cumulative average of the per-batch means (three batches of 2 rows), as libtorch defines it.
        var mean = model.Norm.running_mean!.data<float>().ToArray();
        Assert.Equal((1.5f + 3.5f + 7f) / 3, mean[0], 4);
        Assert.Equal((15f + 35f + 70f) / 3, mean[1], 3);
        Assert.Equal(0.5, model.Norm.momentum);
        Assert.False(model.training);
    }
}
