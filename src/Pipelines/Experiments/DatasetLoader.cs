using Microsoft.ML;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Reads a dataset by name (as <c>msa train --dataset</c> gives it) into standard records and class names.</summary>
public static class DatasetLoader
{
    public static readonly IReadOnlyList<string> Names = new[] { "demo-speech", "demo-images", "iemocap", "senticap", "mvsa", "mosi", "mosei", "sims", TableDatasetLoader.DatasetName };

    /// <summary>The records and class names of <paramref name="dataset"/> (a name of <see cref="Names"/>, or demo).</summary>
    /// <param name="ml">The context the reader uses.</param>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="root">Its folder (or, for table, the file); not needed for the demo corpus.</param>
    /// <param name="map">The column map of <c>--dataset table</c> (<see cref="TableColumnMap.Parse"/>); only for that dataset.</param>
    /// <param name="encoding">The text encoding of <c>--dataset table</c>; null: UTF-8 (or UTF-16 with a byte-order mark).</param>
    public static (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels) Load(MLContext ml, string dataset, string? root,
        string? map = null, string? encoding = null)
    {
        bool isTable = dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase);
        if (!isTable && (map is not null || encoding is not null))
            throw new ArgumentException($"--map and --encoding apply to --dataset {TableDatasetLoader.DatasetName} only, not '{dataset}'.");
        IReadOnlyList<MultimodalRecord> records = dataset.ToLowerInvariant() switch
        {
            "demo" or "demo-speech" => DemoCorpusReader.ReadSpeech(ml, root).Records,
            "demo-images" => DemoCorpusReader.ReadImages(ml, root).Records,
            "iemocap" => IemocapReader.Read(ml, new IemocapOptions { RootFolder = Require(root, dataset), SplitProtocol = IemocapSplitProtocol.Session5Test }).Records,
            "senticap" => SenticapReader.Read(ml, new SenticapOptions { AnnotationPath = SenticapAnnotation(Require(root, dataset)) }).Records,
            "mvsa" => MvsaReader.Read(ml, new MvsaOptions { RootFolder = Require(root, dataset) }).Records,
            "mosi" or "mosei" or "sims" => ReadMmsa(ml, dataset, root, extractAudio: false, null).Records,
            TableDatasetLoader.DatasetName => TableDatasetLoader.Read(ml, Require(root, dataset), map, encoding).Records,
            _ => throw new ArgumentException($"Unknown dataset '{dataset}'; expected one of: {string.Join(", ", Names)} (or demo)."),
        };
        if (records.Count == 0) throw new InvalidDataException($"Dataset '{dataset}' at '{root}' holds no usable rows.");
        var known = dataset.StartsWith("demo", StringComparison.OrdinalIgnoreCase)
            ? (dataset.Equals("demo-images", StringComparison.OrdinalIgnoreCase) ? DemoCorpusReader.ImageLabels : DemoCorpusReader.SpeechLabels)
            : null;
        var labels = known ?? records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        return (records, labels);
    }

    /// <summary>Whether <paramref name="dataset"/> is one of MMSA's sentiment-intensity benchmarks (mosi, mosei, sims).</summary>
    public static bool IsIntensity(string dataset) => MmsaDatasets.Parse(dataset) != null;

    /// <summary>
    /// MOSI, MOSEI or CH-SIMS as MMSA packages them (see <see cref="MosiReader"/>); with
    /// <paramref name="extractAudio"/>, clips that have a video under Raw/ but no wav get their audio
    /// extracted with ffmpeg into wav/ first.
    /// </summary>
    public static DatasetTable<MosiRecord> ReadMmsa(MLContext ml, string dataset, string? root, bool extractAudio,
        IProgress<Datasets.Media.ExtractionProgress>? extraction)
    {
        var kind = MmsaDatasets.Parse(dataset) ?? throw new ArgumentException($"'{dataset}' is not one of mosi, mosei, sims.", nameof(dataset));
        var table = MosiReader.Read(ml, new MosiOptions
        {
            RootFolder = Require(root, dataset),
            Dataset = kind,
            ExtractAudioFromVideos = extractAudio,
            ExtractionProgress = extraction,
        });
        if (table.Records.Count == 0) throw new InvalidDataException($"Dataset '{dataset}' at '{root}' holds no usable rows.");
        return table;
    }

    /// <summary>IEMOCAP with one split per session ("Session1" … "Session5"), for leave-one-session-out runs.</summary>
    public static (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels) LoadSessions(MLContext ml, string dataset, string? root)
    {
        if (!dataset.Equals("iemocap", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"Leave-one-session-out is defined for IEMOCAP; dataset '{dataset}' has no sessions.");
        var table = IemocapReader.Read(ml, new IemocapOptions { RootFolder = Require(root, dataset), SplitProtocol = IemocapSplitProtocol.SessionName });
        var records = table.Records.Cast<MultimodalRecord>().ToList();
        return (records, records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList());
    }

    private static string Require(string? root, string dataset) =>
        string.IsNullOrWhiteSpace(root) ? throw new ArgumentException($"Dataset '{dataset}' needs --root <folder>.") : root;

    private static string SenticapAnnotation(string root)
    {
        if (File.Exists(root)) return root;
        foreach (var name in new[] { SenticapReader.JsonFileName, SenticapReader.OfficialCsvFileName, SenticapReader.CsvFileName })
        {
            string path = Path.Combine(root, name);
            if (File.Exists(path)) return path;
        }
        throw new DirectoryNotFoundException($"SentiCap: neither senticap_dataset.json, senticap_dataset.csv nor senticap.csv found in '{root}'.");
    }
}
