using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Recomputes the running statistics of every batch-norm layer as exact averages over the
/// training data, with the final weights. During training they are moving averages over batches
/// seen while the weights were still changing; with few epochs and a fast optimizer they lag
/// behind, and a network that classifies its training batches well can score poorly in eval mode.
/// </summary>
public static class BatchNormRecalibration
{
    public static void Run(nn.Module<Tensor[], Tensor> model, TensorTable data, Device device, int batchSize)
    {
        var norms = model.modules().OfType<BatchNorm>().Where(n => n.track_running_stats).ToList();
        if (norms.Count == 0 || data.Rows == 0) return;
        var momenta = norms.Select(n => n.momentum).ToList();
        foreach (var norm in norms)
        {
            norm.reset_running_stats();
            norm.momentum = null; // cumulative average over all batches
        }
        model.train();
        using (torch.no_grad())
        {
            var rows = Enumerable.Range(0, data.Rows).ToArray();
            for (int start = 0; start < data.Rows; start += batchSize)
            {
                int count = Math.Min(batchSize, data.Rows - start);
                if (count < 2 && start > 0) break; // a one-row batch has no variance to contribute
                using var scope = NewDisposeScope();
                model.forward(data.Batch(rows.AsSpan(start, count), device));
            }
        }
        for (int i = 0; i < norms.Count; i++) norms[i].momentum = momenta[i];
        model.eval();
    }
}
