using Microsoft.ML;

namespace MsaMl.Datasets.Video;

/// <summary>
/// Reads CMU-MOSI, CMU-MOSEI or CH-SIMS in MMSA's layout: <c>label.csv</c> (header forms in
/// <see cref="MosiLabelFile"/>: <c>id,text,label,mode</c>, <c>video_id,clip_id,text,label,mode</c>,
/// or SIMS's with unimodal labels), optionally a parallel <c>wav/&lt;video_id&gt;/&lt;clip_id&gt;.wav</c>
/// tree, and optionally <c>Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</c>: each clip's <see cref="MultimodalRecord.VideoPath"/>
/// (the visual modality), whose audio is extracted into the wav tree with ffmpeg when
/// <see cref="MosiOptions.ExtractAudioFromVideos"/> is on.
/// </summary>
public static class MosiReader
{
    /// <summary>The label file in the dataset folder.</summary>
    public const string LabelFileName = "label.csv";

    /// <summary>MMSA's folder of raw videos, <c>Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</c>.</summary>
    public const string RawFolderName = "Raw";

    private const string RootExpectation =
        "expected a CMU-MOSI/MOSEI/CH-SIMS folder as packaged for MMSA, holding label.csv (" + MosiLabelFile.ExpectedHeader +
        ") and optionally Raw/<video_id>/<clip_id>.mp4 or wav/<video_id>/<clip_id>.wav";

    /// <summary>Reads the clips under <see cref="MosiOptions.RootFolder"/>.</summary>
    /// <exception cref="DatasetRootException">The folder does not hold label.csv, or the audio folder given does not exist.</exception>
    /// <exception cref="DatasetFormatException">A row of label.csv is malformed.</exception>
    /// <exception cref="FfmpegNotFoundException">Audio is to be extracted from videos but ffmpeg is not installed.</exception>
    public static DatasetTable<MosiRecord> Read(MLContext context, MosiOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.RootFolder))
            throw new ArgumentException("MosiOptions.RootFolder is empty; " + RootExpectation, nameof(options));
        string root = Path.GetFullPath(options.RootFolder);
        string labelFile = Path.Combine(root, LabelFileName);
        if (!Directory.Exists(root)) throw new DatasetRootException(root, "the folder does not exist; " + RootExpectation);
        if (!File.Exists(labelFile)) throw new DatasetRootException(root, $"no {LabelFileName} here; " + RootExpectation);

        string audioFolder = Path.GetFullPath(options.AudioFolder ?? Path.Combine(root, "wav"));
        string rawFolder = Path.Combine(root, RawFolderName);
        var (clips, readWarnings) = MosiLabelFile.Read(labelFile, options);
        var warnings = new List<string>(readWarnings);
        if (options.ExtractAudioFromVideos && Directory.Exists(rawFolder))
            ExtractAudio(clips, rawFolder, audioFolder, options.ExtractionProgress, warnings);

        bool hasAudioFolder = Directory.Exists(audioFolder);
        if (options.AudioFolder is not null && !hasAudioFolder)
            throw new DatasetRootException(audioFolder, "the audio folder does not exist; expected <video_id>/<clip_id>.wav files");

        var lookup = new ClipMediaLookup(audioFolder, ".wav");
        var missingWav = new List<string>();
        foreach (var clip in clips)
        {
            string? wav = hasAudioFolder ? lookup.Find(clip.VideoId, clip.ClipId) : null;
            clip.AudioPath = wav ?? "";
            if (hasAudioFolder && wav == null) missingWav.Add(clip.Id);
        }

        if (Directory.Exists(rawFolder))
        {
            var videos = new ClipMediaLookup(rawFolder, ".mp4");
            foreach (var clip in clips) clip.VideoPath = videos.Find(clip.VideoId, clip.ClipId) ?? "";
            WarningList.AddCounted(warnings, $"clip(s) without a video under {rawFolder}, kept with an empty VideoPath", clips.Where(c => c.VideoPath.Length == 0).Select(c => c.Id).ToList());
        }

        if (!hasAudioFolder)
            warnings.Add($"no audio folder {audioFolder}: every AudioPath is empty (put Raw/<video_id>/<clip_id>.mp4 there and extract the audio with ffmpeg, or give wav/<video_id>/<clip_id>.wav, 16 kHz mono)");
        WarningList.AddCounted(warnings, "clip(s) without a wav file, kept with an empty AudioPath", missingWav);
        WarningList.AddCounted(warnings, "clip(s) whose wav was found only under a rounded clip id (float artefacts in label.csv)", lookup.RoundedMatches.ToList());
        return new DatasetTable<MosiRecord>(context, options.Name ?? options.Dataset.DisplayName(), clips, warnings);
    }

    /// <summary>MMSA's "Non0" subset: the clips whose score is not zero.</summary>
    public static IReadOnlyList<MosiRecord> NonZero(DatasetTable<MosiRecord> table) =>
        table.Records.Where(r => r.Sentiment != 0).ToList();

    private static void ExtractAudio(IReadOnlyList<MosiRecord> clips, string rawFolder, string audioFolder, IProgress<ExtractionProgress>? progress, List<string> warnings)
    {
        var videos = new ClipMediaLookup(rawFolder, ".mp4");
        var wavs = new ClipMediaLookup(audioFolder, ".wav");
        var jobs = new List<(string Video, string Wav)>();
        var noVideo = new List<string>();
        foreach (var clip in clips)
        {
            if (wavs.Find(clip.VideoId, clip.ClipId) != null) continue;
            string? video = videos.Find(clip.VideoId, clip.ClipId);
            if (video == null)
            {
                noVideo.Add(clip.Id);
                continue;
            }
            string name = Path.GetFileNameWithoutExtension(video);
            jobs.Add((video, Path.Combine(audioFolder, clip.VideoId, name + ".wav")));
        }
        var failures = new FfmpegAudioExtractor().ExtractAll(jobs, progress);
        WarningList.AddCounted(warnings, $"clip(s) with neither a wav nor a video under {rawFolder}", noVideo);
        WarningList.AddCounted(warnings, "video(s) whose audio could not be extracted, kept with an empty AudioPath", failures.Select(f => f.Message).ToList());
        WarningList.AddCounted(warnings, "clip(s) whose video was found only under a rounded clip id (float artefacts in label.csv)", videos.RoundedMatches.ToList());
    }
}
