using Microsoft.ML;
using MsaMl.Experiments.Models;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments.Configuration;

/// <summary>
/// The one run loop of <c>msa train</c>, for every dataset and protocol: reads the dataset once,
/// then trains and evaluates the configured model with every seed (the first seed's bundle saved),
/// or on every leave-one-speaker/session-out fold, with the task's metric set
/// (<see cref="TaskEvaluator"/>: classes, or MMSA's sentiment-intensity protocol; cross-corpus runs
/// score the other corpus); writes a result file holding the complete configuration, the protocol
/// and the warnings, from which the same run can be repeated.
/// </summary>
public static class ConfiguredExperiment
{
    /// <summary>What a run produced.</summary>
    /// <param name="Summary">Each metric's mean ± std over the seeds or folds.</param>
    /// <param name="Runs">Each seed's or fold's key and metrics.</param>
    /// <param name="ResultFile">The result file written.</param>
    /// <param name="Warnings">The reader's warnings and the validation note.</param>
    /// <param name="ScoredSplit">The split the metrics were computed on: test, or train when the data has no test rows (<see cref="TrainingRun.ScoredSplit"/>).</param>
    /// <param name="Evaluator">The metric set (its names in report order, and the protocol of a regression task).</param>
    /// <param name="MissingModality">The missing-modality table: the metrics over the seeds or folds with each subset of the model's modalities missing (empty for a model of one modality).</param>
    public sealed record Outcome(IReadOnlyDictionary<string, MetricSummary> Summary, IReadOnlyList<(string Key, INamedMetrics Metrics)> Runs, string ResultFile,
        IReadOnlyList<string> Warnings, string ScoredSplit, TaskEvaluator Evaluator, IReadOnlyList<MissingModalitySummary> MissingModality);

    /// <summary>Runs the experiment.</summary>
    /// <param name="config">The resolved configuration.</param>
    /// <param name="bundlePath">Where the (first seed's) bundle goes; the result file is <c>&lt;bundle&gt;.results.json</c>, or <c>.loso.json</c> for leave-one-out (no bundle).</param>
    /// <param name="warnings">Called with warnings as they arise: the reader's before training starts, then the featurizers' (an unreadable image treated as missing).</param>
    /// <param name="progress">Stages and epochs.</param>
    /// <param name="information">Called once the data is read, with what a table reader read (rows, labels, splits).</param>
    /// <param name="extraction">Hears the progress of extracting audio from videos (mosi, mosei, sims).</param>
    public static Outcome Run(ExperimentConfig config, string bundlePath, Action<IReadOnlyList<string>>? warnings = null, IExperimentProgress? progress = null,
        Action<string>? information = null, IProgress<ExtractionProgress>? extraction = null)
    {
        var seeds = config.Evaluation.Seeds;
        var evaluator = TaskEvaluator.For(config);
        var model = config.Model;
        var named = TaskModels.Parse(model.Name, config.Modalities);
        var reads = model.Options is Trainers.Composition.ComposedOptions composed ? TaskModelBuilder.ReadsOf(composed) : TaskModels.Reads(named, config.Modalities, model.Modalities);
        var data = ConfiguredDataset.Load(new MLContext(seed: seeds[0]), config, reads.HasFlag(Modalities.Audio), extraction);
        if (data.Summary is { } summary) information?.Invoke(summary);
        if (reads.HasFlag(Modalities.Audio) && DatasetLoader.IsIntensity(config.Dataset.Name) && !data.Records.Any(r => r.AudioPath.Length > 0))
            throw new InvalidDataException($"Dataset '{config.Dataset.Name}': no clip has audio, so only --model text can be trained (put MMSA's Raw/<video_id>/<clip_id>.mp4 under the root for ffmpeg to extract, or give wav/<video_id>/<clip_id>.wav).");
        var notes = data.Warnings.Concat(data.ValidationNote is null ? Array.Empty<string>() : new[] { data.ValidationNote }).ToList();
        if (TextCoverage(config, data) is { } coverage) notes.Add(coverage);
        bool loso = config.Evaluation.Protocol is EvaluationProtocol.LeaveOneSessionOut or EvaluationProtocol.LeaveOneSpeakerOut;
        string scored = loso ? SplitNames.Test : TrainingRun.ScoredSplit(data.Records);
        if (scored != SplitNames.Test) notes.Add(TrainingRun.NoTestSplitWarning);
        warnings?.Invoke(notes);
        var collector = new WarningCollector(progress, warning => warnings?.Invoke(new[] { warning }));
        progress = collector;
        // A pooled model has no early stopping: the validation rows train it too (not under MMSA's
        // protocol, which keeps them for model selection).
        bool trainOnValidation = !config.Regression && PooledOnly(model);
        var configuration = ExperimentConfigJson.ToJson(config);
        var options = new { dataset = config.Dataset.Name, root = config.Dataset.Root, map = config.Dataset.Map, encoding = config.Dataset.Encoding, model = model.Name, preset = config.Preset,
            task = config.Dataset.Task, testDataset = config.Evaluation.TestDataset, testRoot = config.Evaluation.TestRoot, bundle = loso ? null : bundlePath };

        var missing = new List<IReadOnlyList<MissingModalityMetrics>>();
        using var speedCopies = new TrainingSpeedCopies(reads.HasFlag(Modalities.Audio) ? model.SpeedCopies : []);

        INamedMetrics Train(int seed, string name, IReadOnlyList<MultimodalRecord> records, string bundle)
        {
            var ml = new MLContext(seed: seed);
            records = speedCopies.Add(records, trainOnValidation, progress?.Featurizing(name, "speed copies of the training recordings"));
            var task = ConfiguredTask.Create(ml, name, records, data.Labels, config, progress, trainOnValidation, reads);
            var run = TrainingRun.Run(ml, task, model, evaluator, bundle, seed, config.Training.Quick, progress, config.Evaluation.MissingModalities);
            missing.Add(run.Missing);
            return run.Metrics;
        }

        if (loso)
        {
            string file = Path.ChangeExtension(bundlePath, ".loso.json");
            var cv = LeaveOneOut(config, data, (name, records) => Temporary(bundle => Train(seeds[0], name, records, bundle)));
            var document = EvaluationResultFile.Write(file, cv, options, new[] { seeds[0] });
            notes.AddRange(collector.Warnings);
            var foldTable = MissingModalitySummary.Summarize(missing);
            Finish(file, document, configuration, notes, scored, evaluator, foldTable);
            return new Outcome(cv.Summary, cv.Folds.Select(f => (f.TestKey, f.Metrics)).ToList(), file, notes, scored, evaluator, foldTable);
        }

        var result = MultiSeedRunner.Run(seed => seed == seeds[0]
            ? Train(seed, config.Dataset.Name, data.Records, bundlePath)
            : Temporary(bundle => Train(seed, config.Dataset.Name, data.Records, bundle)), seeds);
        string resultFile = Path.ChangeExtension(bundlePath, ".results.json");
        var written = EvaluationResultFile.Write(resultFile, result, options, evaluator.Protocol);
        notes.AddRange(collector.Warnings);
        var table = MissingModalitySummary.Summarize(missing);
        Finish(resultFile, written, configuration, notes, scored, evaluator, table);
        return new Outcome(result.Summary, result.Runs.Select(r => ($"seed {r.Seed}", r.Metrics)).ToList(), resultFile, notes, scored, evaluator, table);
    }

    /// <summary>Whether a model trains no TorchSharp network (a pooled model, or late fusion of pooled members).</summary>
    private static bool PooledOnly(ModelSection model) => model.Members is { Count: > 0 } members ? members.All(PooledOnly) : model.Pooled is not null;

    /// <summary>Runs <paramref name="train"/> with a temporary bundle path, deleted afterwards (a seed after the first, a fold).</summary>
    private static INamedMetrics Temporary(Func<string, INamedMetrics> train)
    {
        string bundle = Path.Combine(Path.GetTempPath(), $"msaml-run-{Guid.NewGuid():N}.zip");
        try
        {
            return train(bundle);
        }
        finally
        {
            File.Delete(bundle);
        }
    }

    /// <summary>For mosi, mosei and sims: a warning when the text encoder's vocabulary covers the training texts poorly (CH-SIMS with the English MiniLM).</summary>
    private static string? TextCoverage(ExperimentConfig config, ConfiguredDataset data)
    {
        if (!DatasetLoader.IsIntensity(config.Dataset.Name) || config.Featurizers.Text is not { } text) return null;
        var texts = data.Records.Where(r => r.Split == SplitNames.Train).Take(500).Select(r => r.Text);
        return VocabularyCoverage.Warning(texts, text, $"{config.Dataset.Name} training texts") is { } warning
            ? warning + " (msa train: featurizers.text.modelPath and featurizers.text.vocabPath in --config)"
            : null;
    }

    private static void Finish(string file, EvaluationResultDocument document, System.Text.Json.Nodes.JsonNode configuration, List<string> notes, string scoredSplit, TaskEvaluator evaluator,
        IReadOnlyList<MissingModalitySummary> missingModality)
    {
        document.MissingModality = missingModality.Count == 0 ? null
            : missingModality.Select(row => new MissingModalityRecord { Given = row.Given.Describe(), Missing = row.Missing.Describe(), Summary = row.Summary.ToDictionary() }).ToList();
        document.Configuration = configuration;
        document.ScoredSplit = scoredSplit;
        document.Protocol ??= evaluator.Protocol;
        document.Warnings = notes;
        EvaluationResultFile.Write(file, document);
    }

    /// <summary>Each speaker or session in turn is the test set; the next one validates (when there are more than two).</summary>
    private static CrossValidationResult<INamedMetrics> LeaveOneOut(ExperimentConfig config, ConfiguredDataset data, Func<string, IReadOnlyList<MultimodalRecord>, INamedMetrics> train)
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
            return train($"{config.Dataset.Name} (test {fold.TestKey})", relabelled);
        });
    }
}
