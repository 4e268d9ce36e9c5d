using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;

namespace MsaMl.Experiments.Configuration;

/// <summary>A dataset read as a configuration's <c>dataset</c> section says: records, classes, the reader's warnings and how validation was drawn.</summary>
/// <param name="Records">The records in the standard columns, their <c>Split</c> set.</param>
/// <param name="Labels">The class names in key order.</param>
/// <param name="Warnings">The reader's warnings (each with its count).</param>
/// <param name="ValidationNote">How the validation split was made, in words; null if the dataset brought its own.</param>
/// <param name="Summary">What a table reader read, in one line; null for the other readers.</param>
public sealed record ConfiguredDataset(IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels, IReadOnlyList<string> Warnings, string? ValidationNote,
    string? Summary = null)
{
    /// <summary>Reads the dataset of a configuration (and, cross-corpus, the test corpus), once per run.</summary>
    /// <param name="ml">The context the readers use.</param>
    /// <param name="config">The configuration.</param>
    /// <param name="readsAudio">Whether the model reads audio (mosi, mosei, sims: extract it from Raw/ videos when <c>dataset.extractAudio</c>).</param>
    /// <param name="extraction">Hears the audio extraction's progress.</param>
    public static ConfiguredDataset Load(MLContext ml, ExperimentConfig config, bool readsAudio = false, IProgress<MsaMl.Datasets.Video.ExtractionProgress>? extraction = null)
    {
        var d = config.Dataset;
        if (config.Evaluation.TestDataset is { } testDataset)
        {
            var cross = DatasetLoader.LoadCrossCorpus(ml, d.Name, d.Root, d.Map, d.Encoding, testDataset, config.Evaluation.TestRoot);
            return new ConfiguredDataset(cross.Records, cross.Labels, cross.Warnings, null);
        }
        if (d.Iemocap is null)
        {
            var read = DatasetLoader.Read(ml, d.Name, d.Root, d.Map, d.Encoding, bySpeaker: config.Evaluation.Protocol == EvaluationProtocol.LeaveOneSpeakerOut,
                extractAudio: d.ExtractAudio && readsAudio, extraction: extraction);
            return new ConfiguredDataset(read.Records, read.Labels, read.Warnings, null, read.Summary);
        }
        if (string.IsNullOrWhiteSpace(d.Root)) throw new ArgumentException($"Dataset '{d.Name}' needs --root <folder> (dataset.root).");
        var options = Copy(d.Iemocap);
        options.RootFolder = d.Root;
        var table = IemocapReader.Read(ml, options);
        var iemocap = table.Records.ToList();
        if (iemocap.Count == 0) throw new InvalidDataException($"Dataset '{d.Name}' at '{d.Root}' holds no usable rows.");
        string? note = null;
        if (d.Validation is { } v && options.SplitProtocol == IemocapSplitProtocol.Session5Test && options.ValidationSession is null)
            note = SplitValidation(iemocap, v);
        var standard = iemocap.Cast<MultimodalRecord>().ToList();
        return new ConfiguredDataset(standard, standard.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList(), table.Warnings, note);
    }

    /// <summary>
    /// Moves a speaker-disjoint, label-stratified part of the training rows to validation
    /// (<see cref="GroupStratifiedSplit"/>, grouped by <see cref="MultimodalRecord.Speaker"/>).
    /// </summary>
    public static string SplitValidation(IReadOnlyList<IemocapRecord> records, ValidationSplitOptions v)
    {
        var train = records.Where(r => r.Split == SplitNames.Train).ToList();
        var split = new GroupStratifiedSplitOptions { TrainFraction = 1 - v.ValidationFraction, ValidationFraction = v.ValidationFraction, TestFraction = 0, Seed = v.Seed };
        var result = GroupStratifiedSplit.Assign(train, r => r.Speaker, split);
        var speakers = train.Where(r => r.Split == SplitNames.Validation).Select(r => r.Speaker).Distinct().Order(StringComparer.Ordinal).ToList();
        int count = result.RecordsPerSplit.GetValueOrDefault(SplitNames.Validation);
        return count == 0
            ? $"validation: none ({result.Groups} training speaker(s) are too few for a {v.ValidationFraction:0.##} speaker-disjoint part)"
            : $"validation: {count} of {train.Count} training utterances, speaker(s) {string.Join(", ", speakers)} (fraction {v.ValidationFraction:0.##}, seed {v.Seed}, stratified by label, speaker-disjoint)";
    }

    private static IemocapOptions Copy(IemocapOptions o) => new()
    {
        LabelSet = o.LabelSet, KeepNoAgreement = o.KeepNoAgreement, DialogKind = o.DialogKind, SplitProtocol = o.SplitProtocol,
        ValidationSession = o.ValidationSession, RequireAudio = o.RequireAudio, RequireText = o.RequireText,
    };
}
