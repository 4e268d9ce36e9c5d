using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Speech;
using MsaMl.Datasets.Images;
using MsaMl.Datasets.Video;

namespace MsaMl.Experiments;

/// <summary>Reads a dataset by name (as <c>msa train --dataset</c> gives it) into standard records and class names.</summary>
public static class DatasetLoader
{
    public static readonly IReadOnlyList<string> Names = new[] { "demo-speech", "demo-images", "iemocap", "senticap", "mvsa", "mosi", "mosei", "sims", "ravdess", "crema-d", "tess", "emodb", TableDatasetLoader.DatasetName };

    /// <summary>The acted speech corpora, whose readers can split by speaker (<see cref="SpeakerSplitProtocol"/>).</summary>
    public static readonly IReadOnlyList<string> ActedSpeech = new[] { "ravdess", "crema-d", "cremad", "tess", "emodb" };

    /// <summary>
    /// The modalities a dataset provides: speech corpora and MMSA's benchmarks audio + text (the
    /// transcript or scripted sentence), MMSA's benchmarks also visual when <paramref name="root"/>
    /// holds the <c>Raw/</c> videos, the image sets image + text, a table the modalities its column
    /// map names (text, audio, image, video).
    /// </summary>
    /// <exception cref="ArgumentException">The name is unknown, or a table's map names no modality.</exception>
    public static Modalities ModalitiesOf(string dataset, string? map = null, string? root = null)
    {
        if (dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(map))
                throw new ArgumentException($"Dataset '{TableDatasetLoader.DatasetName}' needs --map, e.g. --map text=Text,image=Name,label=Valence (keys: {string.Join(", ", TableColumnMap.Keys)}).");
            var columns = TableColumnMap.Parse(map);
            var set = (columns.Text is null ? Modalities.None : Modalities.Text) | (columns.Audio is null ? Modalities.None : Modalities.Audio)
                | (columns.Image is null ? Modalities.None : Modalities.Image) | (columns.Video is null ? Modalities.None : Modalities.Visual);
            return set != Modalities.None ? set : throw new ArgumentException($"--map '{map}' names no modality; map at least one of text=, audio=, image=, video=.");
        }
        return dataset.ToLowerInvariant() switch
        {
            "demo-images" or "senticap" or "mvsa" => Modalities.Image | Modalities.Text,
            "mosi" or "mosei" or "sims" when root is not null && Directory.Exists(Path.Combine(root, MosiReader.RawFolderName)) => Modalities.Audio | Modalities.Text | Modalities.Visual,
            _ when Names.Contains(dataset, StringComparer.OrdinalIgnoreCase) || dataset.Equals("demo", StringComparison.OrdinalIgnoreCase)
                || dataset.Equals("cremad", StringComparison.OrdinalIgnoreCase) => Modalities.Audio | Modalities.Text,
            _ => throw new ArgumentException($"Unknown dataset '{dataset}'; expected one of: {string.Join(", ", Names)} (or demo)."),
        };
    }

    /// <summary>Whether <paramref name="dataset"/> is an acted speech corpus (leave-one-speaker-out applies).</summary>
    public static bool IsActedSpeech(string dataset) => ActedSpeech.Contains(dataset, StringComparer.OrdinalIgnoreCase);

    /// <summary>The records and class names of <paramref name="dataset"/> (a name of <see cref="Names"/>, or demo).</summary>
    /// <param name="ml">The context the reader uses.</param>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="root">Its folder (or, for table, the file); not needed for the demo corpus.</param>
    /// <param name="map">The column map of <c>--dataset table</c> (<see cref="TableColumnMap.Parse"/>); only for that dataset.</param>
    /// <param name="encoding">The text encoding of <c>--dataset table</c>; null: UTF-8 (or UTF-16 with a byte-order mark).</param>
    public static (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Labels) Load(MLContext ml, string dataset, string? root,
        string? map = null, string? encoding = null)
    {
        var read = Read(ml, dataset, root, map, encoding);
        return (read.Records, read.Labels);
    }

    /// <summary>As <see cref="Load"/>, with the reader's warnings (each kind of problem with its count).</summary>
    /// <param name="ml">The context the reader uses.</param>
    /// <param name="dataset">The dataset name.</param>
    /// <param name="root">Its folder (or, for table, the file).</param>
    /// <param name="map">A table's column map.</param>
    /// <param name="encoding">A table's text encoding.</param>
    /// <param name="bySpeaker">Acted speech corpora only: each record's split is its speaker id (for leave-one-speaker-out) instead of the fixed speaker lists.</param>
    /// <param name="extractAudio">mosi, mosei, sims: extract the audio of clips with a video under Raw/ but no wav first (<see cref="ReadMmsa"/>).</param>
    /// <param name="extraction">Hears the extraction's progress.</param>
    public static LoadedDataset Read(MLContext ml, string dataset, string? root, string? map = null, string? encoding = null, bool bySpeaker = false,
        bool extractAudio = false, IProgress<MsaMl.Datasets.Video.ExtractionProgress>? extraction = null)
    {
        if (bySpeaker && !IsActedSpeech(dataset))
            throw new ArgumentException($"Leave-one-speaker-out is defined for the acted speech corpora ({string.Join(", ", ActedSpeech.Where(n => n != "cremad"))}); dataset '{dataset}' has no speaker split.");
        var speakers = bySpeaker ? SpeakerSplitProtocol.SpeakerName : SpeakerSplitProtocol.FixedSpeakers;
        bool isTable = dataset.Equals(TableDatasetLoader.DatasetName, StringComparison.OrdinalIgnoreCase);
        if (!isTable && (map is not null || encoding is not null))
            throw new ArgumentException($"--map and --encoding apply to --dataset {TableDatasetLoader.DatasetName} only, not '{dataset}'.");
        string? summary = null;
        (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Warnings) Table(DatasetTable<TableRecord> table)
        {
            summary = table.Summary.ToString();
            return Of(table);
        }
        var (records, warnings) = dataset.ToLowerInvariant() switch
        {
            "demo" or "demo-speech" => Of(DemoCorpusReader.ReadSpeech(ml, root)),
            "demo-images" => Of(DemoCorpusReader.ReadImages(ml, root)),
            "iemocap" => Of(IemocapReader.Read(ml, new IemocapOptions { RootFolder = Require(root, dataset), SplitProtocol = IemocapSplitProtocol.Session5Test })),
            "senticap" => Of(SenticapReader.Read(ml, new SenticapOptions { AnnotationPath = SenticapAnnotation(Require(root, dataset)) })),
            "mvsa" => Of(MvsaReader.Read(ml, new MvsaOptions { RootFolder = Require(root, dataset) })),
            "mosi" or "mosei" or "sims" => Of(ReadMmsa(ml, dataset, root, extractAudio, extraction)),
            TableDatasetLoader.DatasetName => Table(TableDatasetLoader.Read(ml, Require(root, dataset), map, encoding)),
            "ravdess" => Of(RavdessReader.Read(ml, new RavdessOptions { RootFolder = Require(root, dataset), SplitProtocol = speakers })),
            "crema-d" or "cremad" => Of(CremaDReader.Read(ml, new CremaDOptions { RootFolder = Require(root, dataset), SplitProtocol = speakers })),
            "tess" => Of(TessReader.Read(ml, new TessOptions { RootFolder = Require(root, dataset), SplitProtocol = speakers })),
            "emodb" => Of(EmoDbReader.Read(ml, new EmoDbOptions { RootFolder = Require(root, dataset), SplitProtocol = speakers })),
            _ => throw new ArgumentException($"Unknown dataset '{dataset}'; expected one of: {string.Join(", ", Names)} (or demo)."),
        };
        if (records.Count == 0) throw new InvalidDataException($"Dataset '{dataset}' at '{root}' holds no usable rows.");
        var known = dataset.StartsWith("demo", StringComparison.OrdinalIgnoreCase)
            ? (dataset.Equals("demo-images", StringComparison.OrdinalIgnoreCase) ? DemoCorpusReader.ImageLabels : DemoCorpusReader.SpeechLabels)
            : null;
        var labels = known ?? records.Select(r => r.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        return new LoadedDataset(records, labels, warnings, summary);
    }

    private static (IReadOnlyList<MultimodalRecord> Records, IReadOnlyList<string> Warnings) Of<TRecord>(DatasetTable<TRecord> table)
        where TRecord : MultimodalRecord => (table.Records, table.Warnings);

    /// <summary>Whether the reader of <paramref name="dataset"/> gives each record a sentiment intensity: MMSA's benchmarks and the demo's speech corpus.</summary>
    public static bool HasIntensity(string dataset) => IsIntensity(dataset) || dataset.ToLowerInvariant() is "demo" or "demo-speech";

    /// <summary>Whether <paramref name="dataset"/> is one of MMSA's sentiment-intensity benchmarks (mosi, mosei, sims).</summary>
    public static bool IsIntensity(string dataset) => MmsaDatasets.Parse(dataset) != null;

    /// <summary>
    /// MOSI, MOSEI or CH-SIMS as MMSA packages them (see <see cref="MosiReader"/>); with
    /// <paramref name="extractAudio"/>, clips that have a video under Raw/ but no wav get their audio
    /// extracted with ffmpeg into wav/ first.
    /// </summary>
    public static DatasetTable<MosiRecord> ReadMmsa(MLContext ml, string dataset, string? root, bool extractAudio,
        IProgress<MsaMl.Datasets.Video.ExtractionProgress>? extraction)
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

    /// <summary>
    /// Cross-corpus: the training and validation rows of <paramref name="trainDataset"/> and every
    /// row of <paramref name="testDataset"/> (as the test split), both limited to the emotion classes
    /// they share in <see cref="EmotionVocabulary"/> (IEMOCAP codes are mapped into it first).
    /// </summary>
    /// <remarks>The warnings are both readers', each prefixed with its dataset's name.</remarks>
    public static LoadedDataset LoadCrossCorpus(MLContext ml, string trainDataset, string? trainRoot, string? map, string? encoding, string testDataset, string? testRoot)
    {
        var trainRead = Read(ml, trainDataset, trainRoot, map, encoding);
        var testRead = Read(ml, testDataset, testRoot);
        var train = Harmonized(trainRead.Records, trainDataset).Where(r => r.Split != SplitNames.Test).ToList();
        var test = Harmonized(testRead.Records, testDataset).ToList();
        var shared = train.Select(r => r.Label).Intersect(test.Select(r => r.Label)).Order(StringComparer.Ordinal).ToList();
        if (shared.Count < 2)
            throw new InvalidDataException($"'{trainDataset}' and '{testDataset}' share {shared.Count} emotion class(es) ({string.Join(", ", shared)}); cross-corpus evaluation needs at least 2.");
        var records = train.Where(r => shared.Contains(r.Label))
            .Concat(test.Where(r => shared.Contains(r.Label)).Select(r => Relabel(r, r.Label, SplitNames.Test, testDataset)))
            .ToList();
        var warnings = trainRead.Warnings.Select(w => $"{trainDataset}: {w}").Concat(testRead.Warnings.Select(w => $"{testDataset}: {w}")).ToList();
        return new LoadedDataset(records, shared, warnings);
    }

    private static IEnumerable<MultimodalRecord> Harmonized(IEnumerable<MultimodalRecord> records, string dataset)
    {
        bool iemocap = dataset.Equals("iemocap", StringComparison.OrdinalIgnoreCase);
        foreach (var r in records)
        {
            string? label = iemocap ? EmotionVocabulary.FromIemocap(r.Label) : r.Label;
            if (label == null) continue;
            if (!EmotionVocabulary.Contains(label))
                throw new InvalidDataException($"Dataset '{dataset}' is not an emotion corpus: label '{r.Label}' is not in the shared vocabulary ({string.Join(", ", EmotionVocabulary.All)}).");
            yield return iemocap ? Relabel(r, label, r.Split, dataset) : r;
        }
    }

    private static MultimodalRecord Relabel(MultimodalRecord r, string label, string split, string dataset) =>
        new() { Id = $"{dataset}/{r.Id}", Text = r.Text, AudioPath = r.AudioPath, ImagePath = r.ImagePath, VideoPath = r.VideoPath, Label = label, Split = split };

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
