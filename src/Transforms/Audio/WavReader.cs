using System.Buffers.Binary;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Reads RIFF/WAVE files: PCM 8/16/24/32-bit and IEEE float 32/64-bit, plain or
/// WAVE_FORMAT_EXTENSIBLE; multi-channel audio is down-mixed to mono by averaging. Every failure
/// says what was wrong with the file (NWaves' reader does not tell a truncated file from a codec
/// it does not know, which users need to fix their data).
/// </summary>
public static class WavReader
{
    private const ushort FormatPcm = 1;
    private const ushort FormatFloat = 3;
    private const ushort FormatExtensible = 0xFFFE;

    public static WavAudio Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"audio file not found: {path}", path);
        byte[] bytes = File.ReadAllBytes(path);
        return Decode(bytes);
    }

    /// <summary>Decodes a whole WAV file held in memory; throws <see cref="InvalidDataException"/> on bad data.</summary>
    public static WavAudio Decode(ReadOnlySpan<byte> file)
    {
        if (file.Length == 0) throw new InvalidDataException("file is empty (0 bytes); expected a RIFF/WAVE file");
        if (file.Length < 12 || !file[..4].SequenceEqual("RIFF"u8) || !file.Slice(8, 4).SequenceEqual("WAVE"u8))
            throw new InvalidDataException("not a WAV file: expected a 'RIFF....WAVE' header");

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
                if (size < 16 || body + 16 > file.Length) throw new InvalidDataException("truncated 'fmt ' chunk");
                format = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body, 2));
                channels = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 2, 2));
                sampleRate = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 4, 4));
                bits = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 14, 2));
                if (format == FormatExtensible)
                {
                    if (size < 40 || body + 40 > file.Length) throw new InvalidDataException("truncated WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk");
                    format = BinaryPrimitives.ReadUInt16LittleEndian(file.Slice(body + 24, 2));
                }
                haveFormat = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!haveFormat) throw new InvalidDataException("'data' chunk before the 'fmt ' chunk");
                long available = file.Length - body;
                if (size > available && size != uint.MaxValue)
                    throw new InvalidDataException($"truncated: the 'data' chunk declares {size} bytes but the file holds {available}");
                int length = (int)Math.Min(size, available);
                return new WavAudio(DecodeSamples(file.Slice(body, length), format, channels, bits), ValidateRate(sampleRate));
            }
            pos = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }
        throw new InvalidDataException(haveFormat ? "no 'data' chunk: the file holds no audio" : "no 'fmt ' chunk");
    }

    private static int ValidateRate(int sampleRate) =>
        sampleRate > 0 ? sampleRate : throw new InvalidDataException($"invalid sample rate {sampleRate}");

    private static float[] DecodeSamples(ReadOnlySpan<byte> data, ushort format, ushort channels, ushort bits)
    {
        if (channels == 0) throw new InvalidDataException("the 'fmt ' chunk declares 0 channels");
        bool supported = (format == FormatPcm && bits is 8 or 16 or 24 or 32) || (format == FormatFloat && bits is 32 or 64);
        if (!supported)
            throw new InvalidDataException(
                $"unsupported encoding: format tag 0x{format:X4} with {bits} bits; expected PCM (0x0001) 8/16/24/32-bit or IEEE float (0x0003) 32/64-bit");

        int bytesPerSample = bits / 8;
        int frameBytes = bytesPerSample * channels;
        int frames = data.Length / frameBytes;
        var mono = new float[frames];
        float scale = 1f / channels;
        for (int f = 0; f < frames; f++)
        {
            float sum = 0;
            var frame = data.Slice(f * frameBytes, frameBytes);
            for (int c = 0; c < channels; c++)
                sum += ReadSample(frame.Slice(c * bytesPerSample, bytesPerSample), format, bits);
            mono[f] = sum * scale;
        }
        return mono;
    }

    private static float ReadSample(ReadOnlySpan<byte> s, ushort format, ushort bits)
    {
        if (format == FormatFloat)
            return bits == 32 ? BinaryPrimitives.ReadSingleLittleEndian(s) : (float)BinaryPrimitives.ReadDoubleLittleEndian(s);
        return bits switch
        {
            8 => (s[0] - 128) / 128f,
            16 => BinaryPrimitives.ReadInt16LittleEndian(s) / 32768f,
            24 => ((s[0] | (s[1] << 8) | (s[2] << 16)) << 8 >> 8) / 8388608f,
            _ => BinaryPrimitives.ReadInt32LittleEndian(s) / 2147483648f,
        };
    }
}
