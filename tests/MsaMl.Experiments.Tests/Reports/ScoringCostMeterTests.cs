using Microsoft.ML;
using MsaMl.Experiments;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments.Tests;

[Collection(MemorySensitiveCollection.Name)]
public sealed class ScoringCostMeterTests
{
    public sealed class Row
    {
        public float A { get; set; }
        public float B { get; set; }
    }

    [Fact]
    public void MeasuresEveryRowOfAFittedModel()
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(Enumerable.Range(0, 200).Select(i => new Row { A = i, B = -i }));
        var model = ml.Transforms.Concatenate("Features", "A", "B").Append(ml.Transforms.NormalizeMinMax("Features")).Fit(data);

        var cost = ScoringCostMeter.Measure(model, data);

        Assert.Equal(200, cost.Rows);
        Assert.True(cost.MillisecondsPerRow > 0);
        Assert.True(cost.PeakWorkingSetMegabytes >= cost.BaselineWorkingSetMegabytes && cost.BaselineWorkingSetMegabytes > 1);
        Assert.True(cost.PeakManagedMegabytes >= cost.BaselineManagedMegabytes && cost.BaselineManagedMegabytes > 0);
        Assert.Equal(0, ModelParameters.Count(model)); // no TorchSharp network in this chain
    }

    [Fact]
    public void MeasuresAnyScoringCall()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var cost = ScoringCostMeter.Measure(() =>
        {
            var buffers = new List<byte[]>();
            for (int i = 0; i < 40; i++)
                buffers.Add(new byte[1 << 20]);
            Thread.Sleep(20);
            return buffers.Count;
        });

        Assert.Equal(40, cost.Rows);
        Assert.True(cost.AllocatedMegabytes >= 40);
        // The class runs alone and starts from a collected heap, and the 40 buffers stay rooted
        // through the sleep: a sampler that really samples during the call sees them above the baseline.
        Assert.True(cost.PeakManagedMegabytes - cost.BaselineManagedMegabytes >= 30, $"{cost.BaselineManagedMegabytes} -> {cost.PeakManagedMegabytes}");
        Assert.True(cost.MillisecondsPerRow >= 0.4);
    }
}
