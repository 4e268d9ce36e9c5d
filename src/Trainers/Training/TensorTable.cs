using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Model inputs and 0-based labels of a data set, in memory; for regression, <paramref name="Targets"/>
/// holds the Single label of each row and batches carry them as a float tensor.
/// </summary>
public sealed record TensorTable(IReadOnlyList<FeatureInput> Inputs, int[] Labels, int Rows, float[]? Targets = null) : IBatchSource
{
    public IEnumerable<TrainingBatch> Batches(int batchSize, Random? shuffle, Device device)
    {
        var order = Enumerable.Range(0, Rows).ToArray();
        shuffle?.Shuffle(order);
        for (int start = 0; start < Rows; start += batchSize)
        {
            int count = Math.Min(batchSize, Rows - start);
            yield return new TrainingBatch(Batch(order.AsSpan(start, count), device), LabelBatch(order.AsSpan(start, count), device), count);
        }
    }

    public int[] LabelCounts(int classes)
    {
        var counts = new int[classes];
        foreach (int label in Labels) counts[label]++;
        return counts;
    }

    public Tensor[] Batch(ReadOnlySpan<int> rows, Device device)
    {
        var tensors = new Tensor[Inputs.Count];
        for (int i = 0; i < Inputs.Count; i++) tensors[i] = Inputs[i].Batch(rows, device);
        return tensors;
    }

    public Tensor LabelBatch(ReadOnlySpan<int> rows, Device device)
    {
        if (Targets != null)
        {
            var targets = new float[rows.Length];
            for (int i = 0; i < rows.Length; i++) targets[i] = Targets[rows[i]];
            return tensor(targets).to(device);
        }
        var labels = new long[rows.Length];
        for (int i = 0; i < rows.Length; i++) labels[i] = Labels[rows[i]];
        return tensor(labels).to(device);
    }
}
