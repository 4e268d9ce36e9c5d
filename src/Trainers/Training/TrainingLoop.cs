using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// The one training loop of MsaMl's TorchSharp models: seeded shuffling, Adam or SGD, weight
/// decay, class weights, gradient clipping, early stopping on validation accuracy (restoring the
/// best weights), progress, cancellation, and the learning curve. The run has a dispose scope
/// and each batch one of its own.
/// </summary>
public static class TrainingLoop
{
    public static TrainingReport Run(
        nn.Module<Tensor[], Tensor> model,
        IBatchSource train,
        IBatchSource? validation,
        TorchTrainerOptions options,
        int classes,
        int seed,
        Device device,
        IProgress<EpochReport>? progress = null,
        Action<string>? log = null,
        CancellationToken cancellation = default)
    {
        if (options.Epochs <= 0 || options.BatchSize <= 0 || options.LearningRate <= 0)
            throw new ArgumentOutOfRangeException(nameof(options), "Epochs, BatchSize and LearningRate must be positive.");

        model.to(device);
        // Every tensor made here lives in a dispose scope: an unreferenced temporary (a detach()
        // feeding clone(), a grad wrapper) could otherwise be finalized while libtorch still reads it.
        using var runScope = NewDisposeScope();
        var parameters = model.parameters().ToList();
        using var optimizer = new ParameterUpdater(parameters, options.Optimizer, options.LearningRate, options.WeightDecay, options.Momentum);
        using var weight = ClassWeights(train, options, classes)?.to(device);
        var random = new Random(seed);
        var curve = new List<EpochReport>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0, sinceBest = 0;
        double? bestAccuracy = null;
        bool stoppedEarly = false;
        var clock = Stopwatch.StartNew();
        long samples = 0;

        try
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                model.train();
                double lossSum = 0;
                int correct = 0, rows = 0;
                using (var batches = train.Batches(options.BatchSize, random, device).GetEnumerator())
                {
                    while (true)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        optimizer.ZeroGrad();
                        using (var scope = NewDisposeScope())
                        {
                            if (!batches.MoveNext()) break;
                            var batch = batches.Current;
                            var logits = model.forward(batch.Inputs);
                            var loss = nn.functional.cross_entropy(logits, batch.Labels, weight);
                            loss.backward();
                            lossSum += loss.item<float>() * batch.Rows;
                            correct += (int)logits.argmax(1).eq(batch.Labels).sum().item<long>();
                            rows += batch.Rows;
                        }
                        // Outside the batch's dispose scope: the updater keeps its moment tensors across batches.
                        if (options.GradientClipNorm > 0) nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm);
                        optimizer.Step();
                    }
                }
                if (rows == 0) throw new InvalidOperationException("The training data has no rows.");
                samples += rows;

                double? validationAccuracy = validation != null ? Accuracy(model, validation, device, options.BatchSize) : null;
                var report = new EpochReport(epoch, options.Epochs, lossSum / rows, correct / (double)rows, validationAccuracy, clock.Elapsed);
                curve.Add(report);
                progress?.Report(report);
                log?.Invoke($"epoch {epoch}/{options.Epochs}: loss {report.TrainLoss:F4}, train accuracy {report.TrainAccuracy:P1}" +
                            (validationAccuracy is double v ? $", validation accuracy {v:P1}" : ""));

                if (validationAccuracy is double accuracy && options.EarlyStoppingPatience > 0)
                {
                    if (bestAccuracy == null || accuracy > bestAccuracy)
                    {
                        bestAccuracy = accuracy;
                        bestEpoch = epoch;
                        sinceBest = 0;
                        DisposeAll(best);
                        best = Snapshot(model);
                    }
                    else if (++sinceBest >= options.EarlyStoppingPatience)
                    {
                        stoppedEarly = epoch < options.Epochs;
                        break;
                    }
                }
            }
            if (best != null) model.load_state_dict(best);
        }
        finally
        {
            DisposeAll(best);
        }

        if (bestAccuracy == null)
        {
            bestEpoch = curve.Count;
            bestAccuracy = curve[^1].ValidationAccuracy;
        }
        BatchNormRecalibration.Run(model, train, device, options.BatchSize);
        return new TrainingReport(curve, bestEpoch, bestAccuracy, stoppedEarly, device.ToString(), samples / Math.Max(clock.Elapsed.TotalSeconds, 1e-9));
    }

    /// <summary>Accuracy of <paramref name="model"/> (in eval mode) on a data set; null when it has no rows.</summary>
    public static double? Accuracy(nn.Module<Tensor[], Tensor> model, IBatchSource data, Device device, int batchSize)
    {
        model.eval();
        using var noGrad = torch.no_grad();
        long correct = 0, rows = 0;
        using (var batches = data.Batches(batchSize, null, device).GetEnumerator())
        {
            while (true)
            {
                using var scope = NewDisposeScope();
                if (!batches.MoveNext()) break;
                correct += model.forward(batches.Current.Inputs).argmax(1).eq(batches.Current.Labels).sum().item<long>();
                rows += batches.Current.Rows;
            }
        }
        model.train();
        return rows == 0 ? null : correct / (double)rows;
    }

    private static Tensor? ClassWeights(IBatchSource train, TorchTrainerOptions options, int classes)
    {
        if (options.ClassWeights != null)
        {
            if (options.ClassWeights.Length != classes)
                throw new ArgumentException($"ClassWeights holds {options.ClassWeights.Length} values but the label has {classes} classes.");
            return tensor(options.ClassWeights);
        }
        if (!options.BalanceClasses) return null;
        var counts = train.LabelCounts(classes);
        float total = counts.Sum();
        return tensor(counts.Select(c => c > 0 ? total / (classes * c) : 0f).ToArray());
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors == null) return;
        foreach (var t in tensors.Values) t.Dispose();
    }
}
