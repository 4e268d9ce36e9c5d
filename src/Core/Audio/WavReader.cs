using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8 (unsigned)/16/24/32-bit and IEEE float 32/64-bit, plain or
/// WAVE_FORMAT_EXTENSIBLE, any number of channels (down-mixed to mono by averaging), any chunks
/// before or after <c>data</c> (odd sizes padded), trailing bytes after the last chunk, and the
/// <c>data</c> size 0 or 0xFFFFFFFF that streaming writers leave (read to the end of the file).
/// Every failure names the file and says what was expected (NWaves' reader does not tell a
/// truncated file from a codec it does not know, which users need to fix their data).
/// </summary>
public static class WavReader
{
    private const uint StreamedSize = uint.MaxValue;

    /// <summary>Reads and decodes a WAV file within <paramref name="limits"/> (null: the defaults); failures throw <see cref="InvalidDataException"/> whose message starts with the path.</summary>
    public static WavAudio Read(string path, WavLimits? limits = null)
    {
        byte[] buffer = Array.Empty<byte>();
        int length = ReadFile(path, ref buffer, limits);
        try
        {
            return Decode(buffer.AsSpan(0, length), limits);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{path}: {ex.Message}", ex);
        }
    }

    /// <summary>Decodes a whole WAV file held in memory within <paramref name="limits"/> (null: the defaults); throws <see cref="InvalidDataException"/> on bad data.</summary>
    public static WavAudio Decode(ReadOnlySpan<byte> file, WavLimits? limits = null)
    {
        var layout = Parse(file, limits);
        var mono = new float[layout.Frames];
        DecodeMono(file, layout, mono);
        return new WavAudio(mono, layout.SampleRate);
    }

    /// <summary>
    /// Reads a whole file of at most <see cref="WavLimits.MaxFileBytes"/> into <paramref name="buffer"/> (grown when too small);
    /// returns its length. A device such as /dev/zero is refused, not read without end.
    /// </summary>
    internal static int ReadFile(string path, ref byte[] buffer, WavLimits? limits = null)
    {
        RegularFile.RequireReadable(path, "audio file");
        return SizedFile.ReadAll(path, (limits ?? Defaults).MaxFileBytes, "WavLimits.MaxFileBytes", ref buffer);
    }

    private static readonly WavLimits Defaults = new();

    /// <summary>Finds and checks the 'fmt ' and 'data' chunks, and that they are within <paramref name="limits"/> (null: the defaults).</summary>
    public static WavLayout Parse(ReadOnlySpan<byte> file, WavLimits? limits = null) => Parse(file, file.Length, limits);

    /// <summary>
    /// <see cref="Parse(ReadOnlySpan{byte}, WavLimits?)"/> from the first bytes of a file of
    /// <paramref name="fileLength"/> bytes: the 'fmt ' chunk and the 'data' chunk's header must lie in
    /// <paramref name="prefix"/>, the samples may lie beyond it (a file read as a stream).
    /// </summary>
    public static WavLayout Parse(ReadOnlySpan<byte> prefix, long fileLength, WavLimits? limits = null)
    {
        var file = prefix;
        if (file.Length == 0) throw new InvalidDataException("file is empty (0 bytes); expected a RIFF/WAVE file");
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new InvalidDataException("not a WAV file: expected a 'RIFF....WAVE' header");
        uint riffSize = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(4, 4));

        int pos = 12;
        ushort format = 0, channels = 0, bits = 0;
        int sampleRate = 0;
        bool haveFormat = false;
        while (pos + 8 <= file.Length)
        {
            var id = file.Slice(pos, 4);
            uint size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(pos + 4, 4));
            int body = pos + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > file.Length) throw new InvalidDataException($"truncated 'fmt ' chunk: {Math.Min(size, (uint)(file.Length - body))} bytes, expected at least 16");
                format = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 14, 2));
                if (format == WavLayout.Extensible)
                {
                    if (size < 40 || body + 40 > file.Length) throw new InvalidDataException("truncated WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk: expected 40 bytes with the sub-format GUID");
                    format = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 24, 2));
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new InvalidDataException("'data' chunk before the 'fmt ' chunk; expected 'fmt ' first");
                long available = fileLength - body;
                bool streamed = size == StreamedSize || (size == 0 && available > 0 && riffSize is 0 or StreamedSize);
                if (size > available && !streamed)
                    throw new InvalidDataException($"truncated: the 'data' chunk declares {size} bytes but the file holds {available}; expected the whole chunk (was the file cut short?)");
                if ((streamed ? available : size) > int.MaxValue) throw new InvalidDataException($"the 'data' chunk holds {(streamed ? available : size)} bytes; expected at most {int.MaxValue}");
                int length = streamed ? (int)available : (int)size;
                var layout = new WavLayout(format, channels, bits, sampleRate, body, length);
                Validate(layout);
                (limits ?? Defaults).Check(layout);
                return layout;
            }
            long next = body + (long)size + (size & 1);
            if (next > int.MaxValue) break;
            pos = (int)next;
        }
        throw new InvalidDataException(haveFormat ? "no 'data' chunk: the file holds no audio; expected a 'data' chunk after 'fmt '" : "no 'fmt ' chunk; expected one before 'data'");
    }

    private static void Validate(WavLayout layout)
    {
        if (layout.Channels == 0) throw new InvalidDataException("the 'fmt ' chunk declares 0 channels; expected at least 1");
        bool supported = (layout.Format == WavLayout.Pcm && layout.BitsPerSample is 8 or 16 or 24 or 32)
            || (layout.Format == WavLayout.IeeeFloat && layout.BitsPerSample is 32 or 64);
        if (!supported)
            throw new InvalidDataException(
                $"unsupported encoding: format tag 0x{layout.Format:X4} with {layout.BitsPerSample} bits; expected PCM (0x0001) 8/16/24/32-bit or IEEE float (0x0003) 32/64-bit");
        if (layout.SampleRate <= 0) throw new InvalidDataException($"invalid sample rate {layout.SampleRate}; expected a positive rate in Hz");
    }

    /// <summary>Writes the <see cref="WavLayout.Frames"/> down-mixed samples into <paramref name="mono"/>.</summary>
    /// <exception cref="InvalidDataException">A float sample is NaN or infinite.</exception>
    public static void DecodeMono(ReadOnlySpan<byte> file, WavLayout layout, Span<float> mono)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("WAV decoding needs a little-endian machine");
        int frames = layout.Frames, channels = layout.Channels;
        var data = file.Slice(layout.DataOffset, frames * layout.FrameBytes);
        mono = mono[..frames];
        float scale = 1f / channels;
        switch (layout.Format, layout.BitsPerSample)
        {
            case (WavLayout.Pcm, 16):
                Mix(MemoryMarshal.Cast<byte, short>(data), channels, mono, scale / 32768f);
                break;
            case (WavLayout.IeeeFloat, 32):
                Mix(MemoryMarshal.Cast<byte, float>(data), channels, mono, scale);
                break;
            case (WavLayout.Pcm, 32):
                Mix(MemoryMarshal.Cast<byte, int>(data), channels, mono, scale / 2147483648f);
                break;
            default:
                MixGeneric(data, layout, mono, scale);
                break;
        }
        if (layout.Format == WavLayout.IeeeFloat) FiniteSamples.Check(mono, layout.SampleRate);
    }

    private static void Mix(ReadOnlySpan<short> s, int channels, Span<float> mono, float scale)
    {
        if (channels == 1) { MixMono16(s, mono, scale); return; }
        if (channels == 2) { MixStereo16(s, mono, scale); return; }
        for (int f = 0, i = 0; f < mono.Length; f++)
        {
            int sum = 0;
            for (int c = 0; c < channels; c++) sum += s[i++];
            mono[f] = sum * scale;
        }
    }

    // 16-bit mono: widen a vector of shorts to two vectors of ints, convert, scale.
    private static void MixMono16(ReadOnlySpan<short> s, Span<float> mono, float scale)
    {
        int f = 0, lanes = Vector<short>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var k = new Vector<float>(scale);
            for (; f + lanes <= mono.Length; f += lanes)
            {
                Vector.Widen(new Vector<short>(s.Slice(f, lanes)), out var low, out var high);
                (Vector.ConvertToSingle(low) * k).CopyTo(mono.Slice(f, lanes / 2));
                (Vector.ConvertToSingle(high) * k).CopyTo(mono.Slice(f + lanes / 2, lanes / 2));
            }
        }
        for (; f < mono.Length; f++) mono[f] = s[f] * scale;
    }

    // 16-bit stereo: each frame read as one little-endian int (left in the low half, right in the
    // high half); both halves sign-extended by shifts and added, then converted and scaled.
    private static void MixStereo16(ReadOnlySpan<short> s, Span<float> mono, float scale)
    {
        int f = 0, lanes = Vector<int>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            var frames = MemoryMarshal.Cast<short, int>(s[..(2 * mono.Length)]);
            var k = new Vector<float>(scale);
            for (; f + lanes <= mono.Length; f += lanes)
            {
                var v = new Vector<int>(frames.Slice(f, lanes));
                var sum = Vector.ShiftRightArithmetic(Vector.ShiftLeft(v, 16), 16) + Vector.ShiftRightArithmetic(v, 16);
                (Vector.ConvertToSingle(sum) * k).CopyTo(mono.Slice(f, lanes));
            }
        }
        for (; f < mono.Length; f++) mono[f] = (s[2 * f] + s[2 * f + 1]) * scale;
    }

    private static void Mix(ReadOnlySpan<int> s, int channels, Span<float> mono, float scale)
    {
        for (int f = 0, i = 0; f < mono.Length; f++)
        {
            double sum = 0;
            for (int c = 0; c < channels; c++) sum += s[i++];
            mono[f] = (float)(sum * scale);
        }
    }

    private static void Mix(ReadOnlySpan<float> s, int channels, Span<float> mono, float scale)
    {
        if (channels == 1) { s[..mono.Length].CopyTo(mono); return; }
        for (int f = 0, i = 0; f < mono.Length; f++)
        {
            float sum = 0;
            for (int c = 0; c < channels; c++) sum += s[i++];
            mono[f] = sum * scale;
        }
    }

    private static void MixGeneric(ReadOnlySpan<byte> data, WavLayout layout, Span<float> mono, float scale)
    {
        int bytes = layout.BytesPerSample, channels = layout.Channels;
        for (int f = 0, offset = 0; f < mono.Length; f++)
        {
            double sum = 0;
            for (int c = 0; c < channels; c++, offset += bytes)
                sum += ReadSample(data.Slice(offset, bytes), layout.Format, layout.BitsPerSample);
            mono[f] = (float)(sum * scale);
        }
    }

    private static double ReadSample(ReadOnlySpan<byte> s, ushort format, int bits)
    {
        if (format == WavLayout.IeeeFloat)
            return bits == 32 ? BinaryPrimitives.ReadSingleLittleEndian(s) : BinaryPrimitives.ReadDoubleLittleEndian(s);
        return bits switch
        {
            8 => (s[0] - 128) / 128.0,
            16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768.0,
            24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608.0,
            _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648.0,
        };
    }
}
