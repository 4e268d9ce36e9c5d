using Microsoft.ML;

namespace MsaMl.Pipelines.Datasets;

/// <summary>
/// Reads CMU-MOSI or CMU-MOSEI in MMSA's layout: <c>label.csv</c> with the header
/// <c>video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode</c>, and, when the user
/// has extracted audio from <c>Raw/</c>, a parallel <c>wav/&lt;video_id&gt;/&lt;clip_id&gt;.wav</c> tree.
/// </summary>
public static class MosiReader
{
    /// <summary>The label file in the dataset folder.</summary>
    public const string LabelFileName = "label.csv";

    private const string RootExpectation =
        "expected a CMU-MOSI/MOSEI folder as packaged for MMSA, holding label.csv (video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode) and optionally wav/<video_id>/<clip_id>.wav";

    /// <summary>Reads the clips under <see cref="MosiOptions.RootFolder"/>.</summary>
    /// <exception cref="DatasetRootException">The folder does not hold label.csv, or the audio folder given does not exist.</exception>
    /// <exception cref="DatasetFormatException">A row of label.csv is malformed.</exception>
    public static DatasetTable<MosiRecord> Read(MLContext context, MosiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootFolder))
            throw new ArgumentException("MosiOptions.RootFolder is empty; " + RootExpectation, nameof(options));
        string root = Path.GetFullPath(options.RootFolder);
        string labelFile = Path.Combine(root, LabelFileName);
        if (!Directory.Exists(root)) throw new DatasetRootException(root, "the folder does not exist; " + RootExpectation);
        if (!File.Exists(labelFile)) throw new DatasetRootException(root, $"no {LabelFileName} here; " + RootExpectation);

        string audioFolder = Path.GetFullPath(options.AudioFolder ?? Path.Combine(root, "wav"));
        bool hasAudioFolder = Directory.Exists(audioFolder);
        if (options.AudioFolder is not null && !hasAudioFolder)
            throw new DatasetRootException(audioFolder, "the audio folder does not exist; expected <video_id>/<clip_id>.wav files");

        var records = new List<MosiRecord>();
        var missingWav = new List<string>();
        foreach (var clip in MosiLabelFile.Read(labelFile))
        {
            string wav = Path.Combine(audioFolder, clip.VideoId, clip.ClipId + ".wav");
            bool hasWav = hasAudioFolder && File.Exists(wav);
            clip.AudioPath = hasWav ? wav : "";
            if (hasAudioFolder && !hasWav) missingWav.Add(clip.Id);
            records.Add(clip);
        }

        var warnings = new List<string>();
        if (!hasAudioFolder)
            warnings.Add($"no audio folder {audioFolder}: every AudioPath is empty (extract Raw/<video_id>/<clip_id>.mp4 to wav/<video_id>/<clip_id>.wav, 16 kHz mono)");
        WarningList.AddCounted(warnings, "clip(s) without a wav file, kept with an empty AudioPath", missingWav);
        return new DatasetTable<MosiRecord>(context, options.Name, records, warnings);
    }

    /// <summary>MMSA's "Non0" subset: the clips whose score is not zero.</summary>
    public static IReadOnlyList<MosiRecord> NonZero(DatasetTable<MosiRecord> table) =>
        table.Records.Where(r => r.Sentiment != 0).ToList();
}
