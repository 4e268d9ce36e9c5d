using Microsoft.ML;
using MsaMl.Pipelines.Evaluation;

namespace MsaMl.Experiments;

/// <summary>
/// <c>msa train --seeds N</c>: trains the same model with several seeds, saves the first seed's
/// bundle, and writes every seed's test metrics with their mean ± std, the options and the
/// package versions to a result file.
/// </summary>
public static class MultiSeedTraining
{
    public sealed record Options(string Dataset, string? Root, ModelChoice Model, TrainingSettings Settings, IReadOnlyList<int> Seeds, string BundlePath)
    {
        /// <summary>The column map of <c>--dataset table</c>.</summary>
        public string? Map { get; init; }

        /// <summary>The text encoding of <c>--dataset table</c>.</summary>
        public string? Encoding { get; init; }

        /// <summary>Cross-corpus: score on this dataset (all its rows, the shared classes) instead of <see cref="Dataset"/>'s test split.</summary>
        public string? TestDataset { get; init; }

        /// <summary>The folder of <see cref="TestDataset"/>.</summary>
        public string? TestRoot { get; init; }
    }

    public static (MultiSeedResult<ClassificationMetrics> Result, string ResultFile) Run(Options options, IExperimentProgress? progress = null)
    {
        var result = MultiSeedRunner.Run(seed =>
        {
            var ml = new MLContext(seed: seed);
            var settings = options.Settings with { Seed = seed };
            var (records, labels) = options.TestDataset is { } testDataset
                ? DatasetLoader.LoadCrossCorpus(ml, options.Dataset, options.Root, testDataset, options.TestRoot)
                : DatasetLoader.Load(ml, options.Dataset, options.Root, options.Map, options.Encoding);
            var task = TaskPipelines.For(ml, options.Dataset, records, labels, settings);
            bool first = seed == options.Seeds[0];
            string bundle = first ? options.BundlePath : Path.Combine(Path.GetTempPath(), $"msaml-seed-{seed}-{Guid.NewGuid():N}.zip");
            try
            {
                return TrainingRun.Run(ml, task, options.Model, bundle, progress).Metrics;
            }
            finally
            {
                if (!first) File.Delete(bundle);
            }
        }, options.Seeds);

        string resultFile = Path.ChangeExtension(options.BundlePath, ".results.json");
        EvaluationResultFile.Write(resultFile, result, options);
        return (result, resultFile);
    }

}
