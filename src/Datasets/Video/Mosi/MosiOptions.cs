namespace MsaMl.Datasets.Video;

/// <summary>Options for <see cref="MosiReader.Read"/>.</summary>
public sealed class MosiOptions
{
    /// <summary>The dataset folder as packaged for MMSA (e.g. <c>MOSI</c>), holding <c>label.csv</c>.</summary>
    public string RootFolder { get; set; } = "";

    /// <summary>Which benchmark the folder holds: sets the label scale ([-3, 3], or [-1, 1] for SIMS) and the default name.</summary>
    public MmsaDataset Dataset { get; set; } = MmsaDataset.Mosi;

    /// <summary>The dataset's name in summaries and reports; null: CMU-MOSI, CMU-MOSEI or CH-SIMS after <see cref="Dataset"/>.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The folder of extracted audio, laid out as <c>&lt;video_id&gt;/&lt;clip_id&gt;.wav</c>;
    /// <c>wav</c> under <see cref="RootFolder"/> when null. Clips without a wav get an empty AudioPath.
    /// </summary>
    public string? AudioFolder { get; set; }

    /// <summary>
    /// For label files with a single <c>id</c> column (MOSI copies: <c>03bSnISJMiM_1</c>): a .NET
    /// regular expression with the named groups <c>video</c> and <c>clip</c> that must match the
    /// whole id. Null (the default) splits at the last underscore, so <c>-lzEya4AM_4</c> is video
    /// <c>-lzEya4AM</c>, clip <c>4</c>; use this when clip ids themselves contain underscores.
    /// </summary>
    public string? IdPattern { get; set; }

    /// <summary>
    /// Rows whose text is empty: dropped with one counted warning (true, the default: text-based
    /// models cannot use them, and MMSA's feature files leave transcript-less segments out), or an
    /// error naming the file and line (false).
    /// </summary>
    public bool DropRowsWithoutText { get; set; } = true;

    /// <summary>
    /// When <c>Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</c> exists for a clip without a wav, extract its
    /// audio with ffmpeg into <see cref="AudioFolder"/> (16 kHz mono, once; see <see cref="FfmpegAudioExtractor"/>).
    /// Off by default: text-only runs need no audio.
    /// </summary>
    public bool ExtractAudioFromVideos { get; set; }

    /// <summary>Told after each extracted clip when <see cref="ExtractAudioFromVideos"/> is on.</summary>
    public IProgress<ExtractionProgress>? ExtractionProgress { get; set; }
}
