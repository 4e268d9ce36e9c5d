using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;
using MsaMl.Pipelines.Evaluation;
using MsaMl.Transforms.Text;

namespace MsaMl.Experiments;

/// <summary>
/// <c>msa train --dataset mosi|mosei|sims</c>: MMSA's regression protocol over one or more seeds.
/// Reads the dataset once, trains and evaluates the model with each seed
/// (<see cref="IntensityTrainingRun"/>), saves the first seed's bundle, and writes every seed's
/// MMSA metrics with their mean ± std, the protocol, the options and the package versions to a
/// result file.
/// </summary>
public static class IntensityTraining
{
    /// <param name="Dataset">mosi, mosei or sims.</param>
    /// <param name="Root">The dataset folder (label.csv, optionally Raw/ or wav/).</param>
    /// <param name="Model">The model to train.</param>
    /// <param name="Settings">Training settings (the seed is replaced by each of <paramref name="Seeds"/>).</param>
    /// <param name="Seeds">The seeds, one run each.</param>
    /// <param name="BundlePath">Where the first seed's bundle goes; the result file is written next to it.</param>
    /// <param name="ExtractAudio">Extract audio from Raw/ videos with ffmpeg for clips without a wav.</param>
    public sealed record Options(string Dataset, string? Root, ModelChoice Model, TrainingSettings Settings, IReadOnlyList<int> Seeds, string BundlePath,
        bool ExtractAudio = false);

    /// <summary>The runs, the result file, the protocol and the warnings of reading the data (one line each).</summary>
    public sealed record Outcome(MultiSeedResult<INamedMetrics> Result, string ResultFile, string Protocol, IReadOnlyList<string> Warnings);

    public static Outcome Run(Options options, IExperimentProgress? progress = null, IProgress<ExtractionProgress>? extraction = null)
    {
        var dataset = MmsaDatasets.Parse(options.Dataset) ?? throw new ArgumentException($"Dataset '{options.Dataset}' is not one of mosi, mosei, sims.");
        var table = DatasetLoader.ReadMmsa(new MLContext(seed: options.Seeds[0]), options.Dataset, options.Root, options.ExtractAudio, extraction);
        var records = table.Records.Cast<MultimodalRecord>().ToList();
        var warnings = table.Warnings.ToList();
        var texts = table.Records.Where(r => r.Split == SplitNames.Train).Take(500).Select(r => r.Text);
        if (VocabularyCoverage.Warning(texts, TaskPipelines.TextEncoder(options.Settings, 50), $"{table.Name} training texts") is { } vocabulary)
            warnings.Add(vocabulary + " (msa train: TextModelPath and TextVocabPath in --config)");

        var result = MultiSeedRunner.Run<INamedMetrics>(seed =>
        {
            var ml = new MLContext(seed: seed);
            var settings = options.Settings with { Seed = seed };
            var labels = records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
            var task = TaskPipelines.Speech(ml, options.Dataset, records, labels, settings, regression: true);
            bool first = seed == options.Seeds[0];
            string bundle = first ? options.BundlePath : Path.Combine(Path.GetTempPath(), $"msaml-seed-{seed}-{Guid.NewGuid():N}.zip");
            try
            {
                return IntensityTrainingRun.Run(ml, task, dataset, options.Model, bundle, progress).Metrics;
            }
            finally
            {
                if (!first) File.Delete(bundle);
            }
        }, options.Seeds);

        string protocol = MmsaProtocol.Describe(dataset);
        string resultFile = Path.ChangeExtension(options.BundlePath, ".results.json");
        EvaluationResultFile.Write(resultFile, result, options, protocol);
        return new Outcome(result, resultFile, protocol, warnings);
    }

}
