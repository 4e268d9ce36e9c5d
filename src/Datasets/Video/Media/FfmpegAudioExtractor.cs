using MsaMl.Transforms.Audio;

namespace MsaMl.Datasets.Video;

/// <summary>
/// Extracts the audio track of videos (MMSA's <c>Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4</c>) to 16 kHz
/// mono 16-bit WAV by starting the <c>ffmpeg</c> executable as a process. A WAV that already
/// exists is a cache hit and ffmpeg does not run again; ffmpeg writes to a temporary file next to
/// the target, which is renamed only once the output has been checked, so an interrupted run never
/// leaves a truncated WAV behind.
/// </summary>
public sealed class FfmpegAudioExtractor
{
    private readonly FfmpegOptions _options;

    public FfmpegAudioExtractor(FfmpegOptions? options = null)
    {
        _options = options ?? new FfmpegOptions();
        if (_options.SampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(options), $"FfmpegOptions.SampleRate must be positive, got {_options.SampleRate}.");
    }

    /// <summary>Whether ffmpeg can be started (runs <c>ffmpeg -version</c>).</summary>
    public bool IsAvailable()
    {
        try
        {
            var (code, _) = RunFfmpeg(new[] { "-version" }, TimeSpan.FromSeconds(20));
            return code == 0;
        }
        catch (FfmpegNotFoundException)
        {
            return false;
        }
    }

    /// <summary>Extracts one clip unless <paramref name="wavPath"/> exists; returns false for a cache hit.</summary>
    /// <exception cref="FfmpegNotFoundException">ffmpeg cannot be started.</exception>
    /// <exception cref="MediaExtractionException">The video is missing or corrupt, has no audio track, or is silent.</exception>
    public bool Extract(string videoPath, string wavPath)
    {
        if (File.Exists(wavPath)) return false;
        if (!File.Exists(videoPath)) throw new MediaExtractionException(videoPath, "the video file does not exist");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(wavPath))!);
        string temporary = wavPath + $".{Environment.ProcessId}.tmp";
        try
        {
            var (code, errors) = RunFfmpeg(new[]
            {
                "-nostdin", "-hide_banner", "-loglevel", "error", "-y", "-i", videoPath,
                "-vn", "-ac", "1", "-ar", _options.SampleRate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-c:a", "pcm_s16le", "-f", "wav", temporary,
            }, _options.Timeout);
            if (code != 0 || !File.Exists(temporary) || new FileInfo(temporary).Length <= 44)
                throw new MediaExtractionException(videoPath, Describe(code, errors));
            Check(videoPath, temporary);
            File.Move(temporary, wavPath, overwrite: true);
            return true;
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>
    /// Extracts every (video, wav) pair whose wav is missing, telling <paramref name="progress"/>
    /// after each; clips that fail are returned with the reason instead of stopping the batch.
    /// </summary>
    /// <exception cref="FfmpegNotFoundException">ffmpeg cannot be started (reported once, before any clip fails).</exception>
    public IReadOnlyList<MediaExtractionException> ExtractAll(IReadOnlyList<(string Video, string Wav)> clips, IProgress<ExtractionProgress>? progress = null,
        CancellationToken cancellation = default)
    {
        var failures = new List<MediaExtractionException>();
        if (clips.Any(c => !File.Exists(c.Wav)) && !IsAvailable()) throw new FfmpegNotFoundException(_options.FfmpegPath);
        for (int i = 0; i < clips.Count; i++)
        {
            cancellation.ThrowIfCancellationRequested();
            bool cached = File.Exists(clips[i].Wav);
            try
            {
                Extract(clips[i].Video, clips[i].Wav);
            }
            catch (MediaExtractionException ex)
            {
                failures.Add(ex);
            }
            progress?.Report(new ExtractionProgress(i + 1, clips.Count, clips[i].Video, cached));
        }
        return failures;
    }

    private void Check(string videoPath, string wav)
    {
        WavAudio audio;
        try
        {
            audio = WavReader.Read(wav);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new MediaExtractionException(videoPath, $"ffmpeg wrote an unreadable WAV ({ex.Message})", ex);
        }
        if (audio.Samples.Length == 0) throw new MediaExtractionException(videoPath, "the audio track is empty");
        float peak = 0;
        foreach (float sample in audio.Samples) peak = Math.Max(peak, Math.Abs(sample));
        if (peak < _options.SilencePeak)
            throw new MediaExtractionException(videoPath, $"the audio track is silent (peak {peak:G3} below FfmpegOptions.SilencePeak {_options.SilencePeak:G3})");
    }

    private static string Describe(int code, string errors)
    {
        if (FfmpegProcess.MissingStream(errors)) return "the video has no audio track";
        string detail = FfmpegProcess.LastLine(errors);
        return $"ffmpeg could not decode the video (exit code {code}{(detail.Length > 0 ? ": " + detail : "")})";
    }

    private (int Code, string Errors) RunFfmpeg(IEnumerable<string> arguments, TimeSpan timeout) =>
        FfmpegProcess.Run(_options.FfmpegPath, arguments, timeout);
}
