using Microsoft.ML;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Reads a dataset by name (as <c>msa train --dataset</c> gives it) into standard records and class names.</summary>
public static class DatasetLoader
{
    public static readonly IReadOnlyList<string> Names = new[] { "demo-speech", "demo-images", "iemocap", "senticap", "mvsa", "mosi", TableDatasetLoader.DatasetName };

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
            "mosi" or "mosei" => MosiReader.Read(ml, new MosiOptions { RootFolder = Require(root, dataset) }).Records,
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
