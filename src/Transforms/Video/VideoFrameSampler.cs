using System.Globalization;
using MsaMl.Datasets.Video;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Image;

namespace MsaMl.Transforms.Video;

/// <summary>
/// Samples a row's video with ffmpeg, reading its raw RGB24 output one frame at a time and handing
/// each frame on as [3, 224, 224] raw RGB values; one per thread. Bad videos throw <see cref="MsaInputException"/>
/// naming the column, row and file.
/// </summary>
internal sealed class VideoFrameSampler(VideoFramesOptions options)
{
    /// <summary>The side of a sampled frame: the ResNet-18 input.</summary>
    public const int FrameSize = 224;

    /// <summary>Floats of one frame.</summary>
    public const int FramePlane = 3 * FrameSize * FrameSize;

    private readonly byte[] _frame = new byte[FramePlane];
    private readonly float[] _plane = new float[FramePlane];

    /// <summary>
    /// Hands each of the row's frames, as [3, 224, 224] raw RGB values in a buffer reused for the next,
    /// to <paramref name="frame"/> with its index; returns how many, 0 for an empty path (a missing video).
    /// </summary>
    public int Load(FeaturizerInput input, Action<int, float[]> frame)
    {
        if (string.IsNullOrWhiteSpace(input.Value)) return 0;
        string path = FilePaths.Resolve(input.Value, options.BaseFolder);
        try
        {
            RegularFile.RequireReadable(path, "video file");
        }
        catch (FileNotFoundException)
        {
            throw new MsaInputException(options.InputColumnName, input.Row, path, "video file not found");
        }
        catch (InvalidDataException ex)
        {
            throw new MsaInputException(options.InputColumnName, input.Row, path, $"cannot read video: {ex.Message}", ex);
        }
        int frames = Decode(path, frame, out int code, out string errors);
        string? problem = code switch
        {
            -1 => $"ffmpeg did not finish within VideoFramesOptions.Timeout ({errors})",
            0 when frames == 0 => "the video has no frames; expected a video with at least one decodable frame",
            0 => null,
            _ when FfmpegProcess.MissingStream(errors) => "the file has no video stream; expected a video file (MP4, MKV, AVI, ...)",
            _ => $"ffmpeg could not decode the video (exit code {code}: {FfmpegProcess.LastLine(errors)})",
        };
        if (problem != null) throw new MsaInputException(options.InputColumnName, input.Row, path, problem);
        return frames;
    }

    private int Decode(string path, Action<int, float[]> frame, out int code, out string errors)
    {
        using var ffmpeg = FfmpegProcess.Start(options.FfmpegPath, Arguments(path), options.Timeout, "VideoFramesOptions.FfmpegPath");
        int frames = 0;
        while (frames < options.MaxFrames && ReadFrame(ffmpeg.Output))
        {
            ImagePixels.ToChw(_frame, 3, FrameSize, FrameSize, PixelNormalization.Raw, _plane);
            frame(frames++, _plane);
        }
        (code, errors) = ffmpeg.Finish();
        return frames;
    }

    private bool ReadFrame(Stream output)
    {
        int filled = 0, read;
        while (filled < _frame.Length && (read = output.Read(_frame, filled, _frame.Length - filled)) > 0) filled += read;
        return filled == _frame.Length;
    }

    private IEnumerable<string> Arguments(string path)
    {
        string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        return new[]
        {
            "-nostdin", "-hide_banner", "-loglevel", "error",
            // file: keeps a name such as "concat:a|b" from being read as one of ffmpeg's protocols.
            "-t", Invariant(options.DecodeSeconds), "-i", "file:" + Path.GetFullPath(path),
            "-map", "0:v:0",
            // eof_action=pass keeps the last frame of a clip shorter than one sampling interval.
            "-vf", $"fps={Invariant(options.FramesPerSecond)}:eof_action=pass,scale={FrameSize}:{FrameSize}",
            "-frames:v", options.MaxFrames.ToString(CultureInfo.InvariantCulture),
            "-f", "rawvideo", "-pix_fmt", "rgb24", "pipe:1",
        };
    }
}
