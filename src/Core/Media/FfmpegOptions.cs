namespace MsaMl.Datasets.Video;

/// <summary>Options of the datasets' <c>FfmpegAudioExtractor</c> (MsaMl.Datasets).</summary>
public sealed class FfmpegOptions
{
    /// <summary>The ffmpeg executable: a path, or a name looked up on PATH (Debian/Ubuntu: <c>apt-get install ffmpeg</c>).</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>Sample rate of the extracted WAV (MsaMl's featurizers and most speech models expect 16 kHz).</summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>Longest a single clip's extraction may take before it is stopped and reported.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>A clip whose peak absolute sample (full scale = 1) stays below this is reported as silent.</summary>
    public float SilencePeak { get; set; } = 1e-4f;
}
