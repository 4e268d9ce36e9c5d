using TorchSharp;
using MsaMl.Trainers.Modules;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Recomputes the running statistics of every batch-norm layer as exact averages over the
/// training data, with the final weights. During training they are moving averages over batches
/// seen while the weights were still changing; with few epochs and a fast optimizer they lag
/// behind, and a network that classifies its training batches well can score poorly in eval mode.
/// Layers whose statistics are frozen (<see cref="BatchNorm2dCounted.FrozenStatistics"/>: a
/// pretrained network's) keep theirs.
/// </summary>
public static class BatchNormRecalibration
{
    /// <param name="progress">Told when the pass starts (nothing happens, and nothing is told, for a network without batch norm).</param>
    public static void Run(nn.Module<Tensor[], Tensor> model, IBatchSource data, Device device, int batchSize, IProgress<string>? progress = null)
    {
        var norms = model.modules().OfType<BatchNorm>().Where(n => n.track_running_stats).Select(RunningStatistics.Of)
            .Concat(model.modules().OfType<BatchNorm2dCounted>().Where(n => !n.FrozenStatistics).Select(RunningStatistics.Of)).ToList();
        if (norms.Count == 0) return;
        progress?.Report($"recalibrating {norms.Count} batch-norm layers over the {data.Rows:N0} training rows (one forward pass)");
        var momenta = norms.Select(n => n.Momentum).ToList();
        foreach (var norm in norms) norm.Reset();
        model.train();
        using (torch.no_grad())
        using (var batches = data.Batches(batchSize, null, device).GetEnumerator())
        {
            int seen = 0;
            while (true)
            {
                using var scope = NewDisposeScope();
                if (!batches.MoveNext()) break;
                // A one-row batch has no variance to contribute (unless it is all there is).
                if (batches.Current.Rows < 2 && seen > 0) break;
                // Momentum 1/k for the k-th batch makes the running statistics the plain average of
                // all batch statistics.
                seen++;
                foreach (var norm in norms) norm.Momentum = 1.0 / seen;
                model.forward(batches.Current.Inputs);
            }
        }
        for (int i = 0; i < norms.Count; i++) norms[i].Momentum = momenta[i];
        model.eval();
    }

    /// <summary>TorchSharp's batch norm (e.g. inside TorchVision's ResNet-50) and MsaMl's counted one, seen alike.</summary>
    private sealed record RunningStatistics(Func<double?> GetMomentum, Action<double?> SetMomentum, Action Reset)
    {
        public double? Momentum { get => GetMomentum(); set => SetMomentum(value); }

        public static RunningStatistics Of(BatchNorm norm) => new(() => norm.momentum, m => norm.momentum = m, norm.reset_running_stats);

        public static RunningStatistics Of(BatchNorm2dCounted norm) => new(() => norm.Momentum, m => norm.Momentum = m ?? 0.1, norm.ResetRunningStatistics);
    }
}
