using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// A WAV file read block by block as mono samples, so a recording of any length is decoded in
/// constant memory: the header from the file's first bytes, then <see cref="Read"/> fills the
/// caller's buffer with the next down-mixed samples.
/// </summary>
public sealed class WavStream : IDisposable
{
    private const int HeaderBytes = 1 << 16;

    private readonly FileStream _file;
    private readonly WavLayout _layout;
    private byte[] _bytes = [];
    private int _framesLeft;

    /// <summary>Opens <paramref name="path"/>; a file that is not a WAV within <paramref name="limits"/> throws <see cref="InvalidDataException"/> starting with the path.</summary>
    public WavStream(string path, WavLimits limits)
    {
        RegularFile.RequireReadable(path, "audio file");
        _file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1 << 16);
        try
        {
            var prefix = new byte[(int)Math.Min(HeaderBytes, _file.Length)];
            _file.ReadExactly(prefix);
            _layout = WavReader.Parse(prefix, _file.Length, limits);
            _file.Position = _layout.DataOffset;
            _framesLeft = _layout.Frames;
        }
        catch (InvalidDataException ex)
        {
            _file.Dispose();
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Samples per second.</summary>
    public int SampleRate => _layout.SampleRate;

    /// <summary>Mono samples in the file.</summary>
    public long Length => _layout.Frames;

    /// <summary>Writes the next mono samples into <paramref name="mono"/>; returns how many, 0 at the end.</summary>
    public int Read(Span<float> mono)
    {
        int frames = Math.Min(mono.Length, _framesLeft);
        if (frames == 0) return 0;
        int bytes = frames * _layout.FrameBytes;
        if (_bytes.Length < bytes) _bytes = new byte[bytes];
        _file.ReadExactly(_bytes, 0, bytes);
        WavReader.DecodeMono(_bytes.AsSpan(0, bytes), _layout with { DataOffset = 0, DataLength = bytes }, mono);
        _framesLeft -= frames;
        return frames;
    }

    public void Dispose() => _file.Dispose();
}
