using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>Unweighted accuracy (the mean of the per-class recalls over the classes present) of a classifier on a data set.</summary>
internal static class UnweightedAccuracy
{
    /// <summary>UA of <paramref name="model"/> in eval mode; null when the data has no rows.</summary>
    public static double? Of(nn.Module<Tensor[], Tensor> model, IBatchSource data, Device device, int batchSize, int classes)
    {
        var total = new long[classes];
        var correct = new long[classes];
        model.eval();
        using (no_grad())
        using (var batches = data.Batches(batchSize, null, device).GetEnumerator())
        {
            while (true)
            {
                using var scope = NewDisposeScope();
                if (!batches.MoveNext()) break;
                var predicted = model.forward(batches.Current.Inputs).argmax(1).cpu().data<long>().ToArray();
                var labels = batches.Current.Labels.cpu().data<long>().ToArray();
                for (int i = 0; i < labels.Length; i++)
                {
                    total[labels[i]]++;
                    if (predicted[i] == labels[i]) correct[labels[i]]++;
                }
            }
        }
        model.train();
        var present = Enumerable.Range(0, classes).Where(c => total[c] > 0).ToList();
        return present.Count == 0 ? null : present.Average(c => (double)correct[c] / total[c]);
    }
}
