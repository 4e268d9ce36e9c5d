using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// What the training loop optimizes and how it judges a model: the loss of a batch, a per-row
/// quality figure (correct predictions, or absolute error), and which validation figure is better
/// (for early stopping). One implementation per <see cref="TorchOutputKind"/>; the network's last
/// layer only differs in its width (classes, or 1).
/// </summary>
internal abstract class TrainingObjective
{
    public static TrainingObjective For(TorchTrainerOptions options, Tensor? classWeights) => options.OutputKind switch
    {
        TorchOutputKind.Regression => new RegressionObjective(options.RegressionLoss),
        _ => new ClassificationObjective(classWeights),
    };

    /// <summary>True for accuracy (higher is better), false for an error (lower is better).</summary>
    public abstract bool HigherIsBetter { get; }

    /// <summary>The batch's mean loss (a scalar tensor).</summary>
    public abstract Tensor Loss(Tensor output, Tensor labels);

    /// <summary>Summed over the batch: correct predictions (classification) or absolute errors (regression).</summary>
    public abstract double Sum(Tensor output, Tensor labels);

    /// <summary>The mean of <see cref="Sum"/> over <paramref name="data"/> with the model in eval mode; null when it has no rows.</summary>
    public double? Evaluate(nn.Module<Tensor[], Tensor> model, IBatchSource data, Device device, int batchSize)
    {
        model.eval();
        using var noGrad = no_grad();
        double sum = 0;
        long rows = 0;
        using (var batches = data.Batches(batchSize, null, device).GetEnumerator())
        {
            while (true)
            {
                using var scope = NewDisposeScope();
                if (!batches.MoveNext()) break;
                sum += Sum(model.forward(batches.Current.Inputs), batches.Current.Labels);
                rows += batches.Current.Rows;
            }
        }
        model.train();
        return rows == 0 ? null : sum / rows;
    }

    /// <summary>Whether <paramref name="candidate"/> improves on <paramref name="best"/>.</summary>
    public bool Improves(double candidate, double? best) => best == null || (HigherIsBetter ? candidate > best : candidate < best);
}
