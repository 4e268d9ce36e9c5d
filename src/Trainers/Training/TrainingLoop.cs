using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Training;

/// <summary>
/// The one training loop of MsaMl's TorchSharp models: seeded shuffling, Adam or SGD, weight
/// decay, class weights, gradient clipping, early stopping on validation accuracy (regression:
/// validation MAE), restoring the best weights, progress, cancellation, and the learning curve.
/// What is optimized comes from one <see cref="TrainingObjective"/> (cross-entropy, L1 or MSE).
/// The run has a dispose scope and each batch one of its own.
/// </summary>
internal static class TrainingLoop
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
        CancellationToken cancellation = default,
        IProgress<BatchReport>? batchProgress = null,
        IProgress<string>? stageProgress = null)
    {
        options.Validate();

        model.to(device);
        // oneDNN gets some convolutions' input gradients wrong (see LibTorchCpuSettings).
        using var convolutions = Native.LibTorchCpuSettings.NativeConvolutionsFor(model, device);
        // Every tensor made here lives in a dispose scope: an unreferenced temporary (a detach()
        // feeding clone(), a grad wrapper) could otherwise be finalized while libtorch still reads it.
        using var runScope = NewDisposeScope();
        // Frozen parameters (requires_grad false) are neither updated nor clipped.
        var parameters = model.parameters().Where(p => p.requires_grad).ToList();
        using var optimizer = new ParameterUpdater(parameters, options.Optimizer, options.LearningRate, options.WeightDecay, options.Momentum, LearningRates.MultipliersOf(model));
        bool regression = options.OutputKind == TorchOutputKind.Regression;
        using var weight = regression ? null : ClassWeights(train, options, classes)?.to(device);
        var objective = TrainingObjective.For(options, weight);
        var random = new Random(seed);
        var curve = new List<EpochReport>();
        Dictionary<string, Tensor>? best = null;
        int bestEpoch = 0, sinceBest = 0;
        double? bestScore = null;
        bool stoppedEarly = false;
        var clock = Stopwatch.StartNew();
        long samples = 0;
        int batchesPerEpoch = (train.Rows + options.BatchSize - 1) / options.BatchSize;

        try
        {
            for (int epoch = 1; epoch <= options.Epochs; epoch++)
            {
                cancellation.ThrowIfCancellationRequested();
                model.train();
                double lossSum = 0, qualitySum = 0;
                int rows = 0, batch = 0;
                using (var batches = train.Batches(options.BatchSize, random, device).GetEnumerator())
                {
                    while (true)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        optimizer.ZeroGrad();
                        using (var scope = NewDisposeScope())
                        {
                            if (!batches.MoveNext()) break;
                            var current = batches.Current;
                            var output = model.forward(current.Inputs);
                            var loss = objective.Loss(output, current.Labels);
                            loss.backward();
                            lossSum += loss.item<float>() * current.Rows;
                            qualitySum += objective.Sum(output, current.Labels);
                            rows += current.Rows;
                        }
                        // Outside the batch's dispose scope: the updater keeps its moment tensors across batches.
                        if (options.GradientClipNorm > 0) nn.utils.clip_grad_norm_(parameters, options.GradientClipNorm);
                        optimizer.Step();
                        batchProgress?.Report(new BatchReport(epoch, options.Epochs, ++batch, batchesPerEpoch, lossSum / rows, clock.Elapsed));
                    }
                }
                if (rows == 0) throw new InvalidOperationException("The training data has no rows.");
                samples += rows;

                double? validationScore = validation != null ? objective.Evaluate(model, validation, device, options.BatchSize) : null;
                double trainScore = qualitySum / rows;
                var report = regression
                    ? new EpochReport(epoch, options.Epochs, lossSum / rows, double.NaN, null, clock.Elapsed, trainScore, validationScore)
                    : new EpochReport(epoch, options.Epochs, lossSum / rows, trainScore, validationScore, clock.Elapsed);
                curve.Add(report);
                progress?.Report(report);
                string figure = regression ? "MAE" : "accuracy";
                string Format(double value) => regression ? value.ToString("F4") : value.ToString("P1");
                log?.Invoke($"epoch {epoch}/{options.Epochs}: loss {report.TrainLoss:F4}, train {figure} {Format(trainScore)}" +
                            (validationScore is double v ? $", validation {figure} {Format(v)}" : ""));

                double? stoppingScore = !regression && options.EarlyStoppingMetric == EarlyStoppingMetric.UnweightedAccuracy && validation != null && options.EarlyStoppingPatience > 0
                    ? UnweightedAccuracy.Of(model, validation, device, options.BatchSize, classes)
                    : validationScore;
                if (stoppingScore is double score && options.EarlyStoppingPatience > 0)
                {
                    if (objective.Improves(score, bestScore))
                    {
                        bestScore = score;
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

        if (bestScore == null)
        {
            bestEpoch = curve.Count;
            bestScore = regression ? curve[^1].ValidationMae : curve[^1].ValidationAccuracy;
        }
        BatchNormRecalibration.Run(model, train, device, options.BatchSize, stageProgress);
        double samplesPerSecond = samples / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return regression
            ? new TrainingReport(curve, bestEpoch, null, stoppedEarly, device.ToString(), samplesPerSecond, bestScore)
            : new TrainingReport(curve, bestEpoch, bestScore, stoppedEarly, device.ToString(), samplesPerSecond);
    }

    /// <summary>Accuracy of <paramref name="model"/> (in eval mode) on a data set; null when it has no rows.</summary>
    public static double? Accuracy(nn.Module<Tensor[], Tensor> model, IBatchSource data, Device device, int batchSize) =>
        new ClassificationObjective(null).Evaluate(model, data, device, batchSize);

    private static Tensor? ClassWeights(IBatchSource train, TorchTrainerOptions options, int classes)
    {
        if (options.ClassWeights != null)
        {
            if (options.ClassWeights.Length != classes)
                throw new ArgumentException($"ClassWeights holds {options.ClassWeights.Length} values but the label has {classes} classes.");
            return tensor(options.ClassWeights);
        }
        if (!options.BalanceClasses) return null;
        return tensor(ClassBalance.Weights(train.LabelCounts(classes)));
    }

    private static Dictionary<string, Tensor> Snapshot(nn.Module model) =>
        model.state_dict().ToDictionary(p => p.Key, p => p.Value.detach().clone());

    private static void DisposeAll(Dictionary<string, Tensor>? tensors)
    {
        if (tensors == null) return;
        foreach (var t in tensors.Values) t.Dispose();
    }
}
