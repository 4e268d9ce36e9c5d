using MsaMl.Datasets.Video;

namespace MsaMl.Cli.Commands;

/// <summary>A video's audio track extracted with ffmpeg to a temporary 16 kHz WAV, deleted on dispose.</summary>
internal sealed class VideoSoundtrack : IDisposable
{
    private string? _wav;

    /// <summary>Extracts <paramref name="videoPath"/>'s audio; a video without one, or a corrupt one, is an <see cref="InvalidDataException"/> naming it.</summary>
    public string Extract(string videoPath)
    {
        _wav = Path.Combine(Path.GetTempPath(), $"msaml-soundtrack-{Guid.NewGuid():N}.wav");
        try
        {
            new FfmpegAudioExtractor().Extract(videoPath, _wav);
        }
        catch (MediaExtractionException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
        return _wav;
    }

    public void Dispose()
    {
        if (_wav != null && File.Exists(_wav)) File.Delete(_wav);
    }
}
