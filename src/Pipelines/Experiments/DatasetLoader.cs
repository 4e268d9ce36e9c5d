using Microsoft.ML;
using MsaMl.Pipelines.Datasets;

namespace MsaMl.Pipelines.Experiments;

/// <summary>Reads a dataset by name (as <c>msa train --dataset</c> gives it) into standard records and class names.</summary>
public static class DatasetLoader
{
    public static readonly IReadOnlyList<string> Names = new[] { "demo-speech", "demo-images", "iemocap", "senticap", "mvsa", "mosi", "ravdess", "crema-d", "tess", "emodb" };

    public static (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels) Load(MLContext ml, string dataset, string? root)
    {
        IReadOnlyList<MultimodalRecord> records = dataset.ToLowerInvariant() switch
        {
            "demo" or "demo-speech" => DemoCorpusReader.ReadSpeech(ml, root).Records,
            "demo-images" => DemoCorpusReader.ReadImages(ml, root).Records,
            "iemocap" => IemocapReader.Read(ml, new IemocapOptions { RootFolder = Require(root, dataset), SplitProtocol = IemocapSplitProtocol.Session5Test }).Records,
            "senticap" => SenticapReader.Read(ml, new SenticapOptions { AnnotationPath = SenticapAnnotation(Require(root, dataset)) }).Records,
            "mvsa" => MvsaReader.Read(ml, new MvsaOptions { RootFolder = Require(root, dataset) }).Records,
            "mosi" or "mosei" => MosiReader.Read(ml, new MosiOptions { RootFolder = Require(root, dataset) }).Records,
            "ravdess" => RavdessReader.Read(ml, new RavdessOptions { RootFolder = Require(root, dataset) }).Records,
            "crema-d" or "cremad" => CremaDReader.Read(ml, new CremaDOptions { RootFolder = Require(root, dataset) }).Records,
            "tess" => TessReader.Read(ml, new TessOptions { RootFolder = Require(root, dataset) }).Records,
            "emodb" => EmoDbReader.Read(ml, new EmoDbOptions { RootFolder = Require(root, dataset) }).Records,
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
        foreach (var name in new[] { "senticap_dataset.json", "senticap.csv" })
        {
            string path = Path.Combine(root, name);
            if (File.Exists(path)) return path;
        }
        throw new DirectoryNotFoundException($"SentiCap: neither senticap_dataset.json nor senticap.csv found in '{root}'.");
    }
}
