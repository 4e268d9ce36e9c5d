using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>
/// <c>msa train --dataset iemocap --loso</c>: leave-one-session-out cross-validation. Each session
/// in turn is the test set; the others train the model (the next session after the test one is
/// held out for early stopping). Writes every fold's metrics, their mean ± std, the options and
/// package versions to a result file.
/// </summary>
public static class SessionCrossValidation
{
    public sealed record Options(string Dataset, string Root, ModelChoice Model, TrainingSettings Settings, string ResultFile);

    public static CrossValidationResult<ClassificationMetrics> Run(Options options, IExperimentProgress? progress = null)
    {
        var ml = new MLContext(seed: options.Settings.Seed);
        var (records, labels) = DatasetLoader.LoadSessions(ml, options.Dataset, options.Root);
        var sessions = records.Select(r => r.Split).Distinct().Order(StringComparer.Ordinal).ToList();
        if (sessions.Count < 2) throw new InvalidDataException($"Leave-one-session-out needs at least two sessions; '{options.Root}' holds {sessions.Count}.");

        var folds = LeaveOneSessionOut.CreateFolds(records, r => r.Split);
        var result = LeaveOneSessionOut.Run(folds, fold =>
        {
            string validation = sessions[(sessions.IndexOf(fold.TestKey) + 1) % sessions.Count];
            var relabelled = records.Select(r => Relabel(r, r.Split == fold.TestKey ? SplitNames.Test
                : r.Split == validation && sessions.Count > 2 ? SplitNames.Validation : SplitNames.Train)).ToList();
            var foldContext = new MLContext(seed: options.Settings.Seed);
            var task = TaskPipelines.For(foldContext, $"{options.Dataset} (test {fold.TestKey})", relabelled, labels, options.Settings);
            string bundle = Path.Combine(Path.GetTempPath(), $"msaml-fold-{Guid.NewGuid():N}.zip");
            try
            {
                return TrainingRun.Run(foldContext, task, options.Model, bundle, progress).Metrics;
            }
            finally
            {
                File.Delete(bundle);
            }
        });
        EvaluationResultFile.Write(options.ResultFile, result, options, new[] { options.Settings.Seed });
        return result;
    }

    private static MultimodalRecord Relabel(MultimodalRecord r, string split)
    {
        var copy = ExperimentTask.Standard(r);
        copy.Split = split;
        return copy;
    }
}
