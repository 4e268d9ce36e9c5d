namespace MsaMl.Datasets.Video;

/// <summary>A video whose audio could not be extracted (corrupt file, no audio track, ffmpeg failure); names the clip.</summary>
public sealed class MediaExtractionException : IOException
{
    public MediaExtractionException(string videoPath, string problem, Exception? inner = null)
        : base($"{videoPath}: {problem}", inner)
    {
        VideoPath = videoPath;
        Problem = problem;
    }

    /// <summary>The video file.</summary>
    public string VideoPath { get; }

    /// <summary>What went wrong, without the file name.</summary>
    public string Problem { get; }
}
