using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// Runs a whole experiment from its configuration: the test-split protocol with every seed
/// (the first seed's bundle saved), or leave-one-session-out; writes a result file holding the
/// complete configuration and the reader's warnings.
/// </summary>
public static class ConfiguredExperiment
{
    /// <summary>What a run produced.</summary>
    /// <param name="Summary">Each metric's mean ± std over the seeds or folds.</param>
    /// <param name="Runs">Each seed's or fold's key and metrics.</param>
    /// <param name="ResultFile">The result file written.</param>
    /// <param name="Warnings">The reader's warnings and the validation note.</param>
    /// <param name="ScoredSplit">The split the metrics were computed on: test, or train when the data has no test rows (<see cref="TrainingRun.ScoredSplit"/>).</param>
    public sealed record Outcome(IReadOnlyDictionary<string, MetricSummary> Summary, IReadOnlyList<(string Key, ClassificationMetrics Metrics)> Runs, string ResultFile, IReadOnlyList<string> Warnings,
        string ScoredSplit = SplitNames.Test);

    /// <summary>Runs the experiment.</summary>
    /// <param name="config">The resolved configuration.</param>
    /// <param name="bundlePath">Where the (first seed's) bundle goes; the result file is <c>&lt;bundle&gt;.results.json</c>, or <c>.loso.json</c> for leave-one-session-out (no bundle).</param>
    /// <param name="warnings">Called with warnings as they arise: the reader's before training starts, then the featurizers' (an unreadable image treated as missing).</param>
    /// <param name="progress">Stages and epochs.</param>
    public static Outcome Run(ExperimentConfig config, string bundlePath, Action<IReadOnlyList<string>>? warnings = null, IExperimentProgress? progress = null)
    {
        var choice = TaskModels.Parse(config.Model.Name, config.Kind);
        var seeds = config.Evaluation.Seeds;
        var probe = ConfiguredDataset.Load(new MLContext(seed: seeds[0]), config);
        var notes = probe.Warnings.Concat(probe.ValidationNote is null ? Array.Empty<string>() : new[] { probe.ValidationNote }).ToList();
        bool loso = config.Evaluation.Protocol is EvaluationProtocol.LeaveOneSessionOut or EvaluationProtocol.LeaveOneSpeakerOut;
        string scored = loso ? SplitNames.Test : TrainingRun.ScoredSplit(probe.Records);
        if (scored != SplitNames.Test) notes.Add(TrainingRun.NoTestSplitWarning);
        warnings?.Invoke(notes);
        var collector = new WarningCollector(progress, warning => warnings?.Invoke(new[] { warning }));
        progress = collector;
        var configuration = ExperimentConfigJson.ToJson(config);

        if (loso)
        {
            string file = Path.ChangeExtension(bundlePath, ".loso.json");
            var cv = LeaveOneSessionOutRun(config, probe, choice, seeds[0], progress);
            var document = EvaluationResultFile.Write(file, cv, new { dataset = config.Dataset.Name, root = config.Dataset.Root, model = config.Model.Name, preset = config.Preset }, new[] { seeds[0] });
            notes.AddRange(collector.Warnings);
            Finish(file, document, configuration, notes, scored);
            return new Outcome(cv.Summary, cv.Folds.Select(f => (f.TestKey, f.Metrics)).ToList(), file, notes, scored);
        }

        var result = MultiSeedRunner.Run(seed =>
        {
            var ml = new MLContext(seed: seed);
            var data = seed == seeds[0] ? probe : ConfiguredDataset.Load(ml, config);
            var task = ConfiguredTask.Create(ml, config.Dataset.Name, data.Records, data.Labels, config, seed, progress);
            bool first = seed == seeds[0];
            string bundle = first ? bundlePath : Path.Combine(Path.GetTempPath(), $"msaml-seed-{seed}-{Guid.NewGuid():N}.zip");
            try
            {
                return TrainingRun.Run(ml, task, choice, bundle, progress).Metrics;
            }
            finally
            {
                if (!first) File.Delete(bundle);
            }
        }, seeds);
        string resultFile = Path.ChangeExtension(bundlePath, ".results.json");
        var written = EvaluationResultFile.Write(resultFile, result, new { dataset = config.Dataset.Name, root = config.Dataset.Root, map = config.Dataset.Map, encoding = config.Dataset.Encoding, model = config.Model.Name, preset = config.Preset, bundle = bundlePath });
        notes.AddRange(collector.Warnings);
        Finish(resultFile, written, configuration, notes, scored);
        return new Outcome(result.Summary, result.Runs.Select(r => ($"seed {r.Seed}", r.Metrics)).ToList(), resultFile, notes, scored);
    }

    private static void Finish(string file, EvaluationResultDocument document, System.Text.Json.Nodes.JsonNode configuration, List<string> notes, string scoredSplit)
    {
        document.Configuration = configuration;
        document.ScoredSplit = scoredSplit;
        document.Warnings = notes;
        EvaluationResultFile.Write(file, document);
    }

    private static CrossValidationResult<ClassificationMetrics> LeaveOneSessionOutRun(ExperimentConfig config, ConfiguredDataset data, ModelChoice choice, int seed, IExperimentProgress? progress)
    {
        var sessions = data.Records.Select(r => r.Split).Distinct().Order(StringComparer.Ordinal).ToList();
        string groups = config.Evaluation.Protocol == EvaluationProtocol.LeaveOneSpeakerOut ? "speakers" : "sessions";
        if (sessions.Count < 2) throw new InvalidDataException($"Leave-one-out cross-validation needs at least two {groups}; '{config.Dataset.Root}' holds {sessions.Count}.");
        var folds = LeaveOneSessionOut.CreateFolds(data.Records, r => r.Split);
        return LeaveOneSessionOut.Run(folds, fold =>
        {
            string validation = sessions[(sessions.IndexOf(fold.TestKey) + 1) % sessions.Count];
            var relabelled = data.Records.Select(r =>
            {
                var copy = ExperimentTask.Standard(r);
                copy.Split = r.Split == fold.TestKey ? SplitNames.Test : r.Split == validation && sessions.Count > 2 ? SplitNames.Validation : SplitNames.Train;
                return copy;
            }).ToList();
            var ml = new MLContext(seed: seed);
            var task = ConfiguredTask.Create(ml, $"{config.Dataset.Name} (test {fold.TestKey})", relabelled, data.Labels, config, seed, progress);
            string bundle = Path.Combine(Path.GetTempPath(), $"msaml-fold-{Guid.NewGuid():N}.zip");
            try
            {
                return TrainingRun.Run(ml, task, choice, bundle, progress).Metrics;
            }
            finally
            {
                File.Delete(bundle);
            }
        });
    }
}
