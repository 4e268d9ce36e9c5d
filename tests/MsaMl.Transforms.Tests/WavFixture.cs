using System.Buffers.Binary;
using System.Text;

namespace MsaMl.Transforms.Tests;

/// <summary>Sample encodings a WAV fixture can hold.</summary>
public enum WavEncoding { Unsigned8, Pcm16, Pcm24, Pcm32, Pcm24In32, Float32, Float64 }

/// <summary>Where extra chunks go in a WAV fixture.</summary>
public enum ChunkLayout { Plain, InfoBeforeData, UnknownAfterData, OddChunkBeforeData, OddChunkAfterData, Everywhere }

/// <summary>How the sizes of a WAV fixture's <c>data</c> chunk and trailer are written.</summary>
public enum DataSizing { Exact, StreamedZero, StreamedMax, TrailingGarbage, OddDataWithPad }

/// <summary>
/// Writes WAV files byte by byte with known content: per-channel integer (or float) sample values
/// from a fixed pattern, and the mono floats a correct reader must return for them.
/// </summary>
public sealed class WavFixture
{
    public WavEncoding Encoding { get; init; } = WavEncoding.Pcm16;
    public bool Extensible { get; init; }
    public int Channels { get; init; } = 1;
    public int SampleRate { get; init; } = 16000;
    public int Frames { get; init; } = 37;
    public ChunkLayout Layout { get; init; } = ChunkLayout.Plain;
    public DataSizing Sizing { get; init; } = DataSizing.Exact;

    /// <summary>Overrides the format tag written (or the sub-format of an extensible header).</summary>
    public ushort? FormatTag { get; init; }

    /// <summary>Overrides the bits per sample written.</summary>
    public ushort? Bits { get; init; }

    public override string ToString() => $"{Encoding}{(Extensible ? "-ext" : "")}-{Channels}ch-{SampleRate}-{Layout}-{Sizing}";

    private int ContainerBits => Encoding switch
    {
        WavEncoding.Unsigned8 => 8,
        WavEncoding.Pcm16 => 16,
        WavEncoding.Pcm24 => 24,
        WavEncoding.Float64 => 64,
        _ => 32,
    };

    private bool IsFloat => Encoding is WavEncoding.Float32 or WavEncoding.Float64;

    // Value of frame f, channel c, as a fraction of full scale in [-1, 1), exactly representable at every depth.
    private double Value(int f, int c)
    {
        int step = (f * 7 + c * 13) % 31 - 15; // -15..15
        return step / 16.0 + (f % 3 == 0 ? -1.0 / 128 : 0); // a multiple of 1/128: exact even at 8 bits
    }

    /// <summary>The down-mixed samples a reader must return (mean over channels).</summary>
    public float[] ExpectedMono()
    {
        // With one byte per frame, the stray byte of OddDataWithPad is a whole frame.
        bool strayFrame = Sizing == DataSizing.OddDataWithPad && ContainerBits == 8 && Channels == 1;
        var mono = new float[Frames + (strayFrame ? 1 : 0)];
        if (strayFrame) mono[^1] = (0x7F - 128) / 128f;
        for (int f = 0; f < Frames; f++)
        {
            double sum = 0;
            for (int c = 0; c < Channels; c++) sum += Value(f, c);
            mono[f] = (float)(sum / Channels);
        }
        return mono;
    }

    public byte[] Build()
    {
        var data = SampleBytes();
        using var stream = new MemoryStream();
        void Chunk(string id, byte[] body, uint? declared = null)
        {
            stream.Write(System.Text.Encoding.ASCII.GetBytes(id));
            Span<byte> size = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(size, declared ?? (uint)body.Length);
            stream.Write(size);
            stream.Write(body);
            if (body.Length % 2 == 1) stream.WriteByte(0); // pad byte of an odd-sized chunk
        }

        stream.Write("RIFF\0\0\0\0WAVE"u8);
        if (Layout is ChunkLayout.InfoBeforeData or ChunkLayout.Everywhere)
        {
            Chunk("JUNK", new byte[28]);
            Chunk("bext", Ascii("description of the take", 602));
            Chunk("LIST", [.. "INFO"u8, .. "ISFT"u8, 6, 0, 0, 0, .. Ascii("sox\0\0", 6)]);
        }
        Chunk("fmt ", Format());
        if (Layout is ChunkLayout.InfoBeforeData or ChunkLayout.Everywhere)
        {
            var fact = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(fact, Frames);
            Chunk("fact", fact);
            Chunk("FLLR", new byte[100]);
        }
        if (Layout is ChunkLayout.OddChunkBeforeData or ChunkLayout.Everywhere) Chunk("odd ", [1, 2, 3]);

        uint? declared = Sizing switch
        {
            DataSizing.StreamedZero => 0u,
            DataSizing.StreamedMax => uint.MaxValue,
            _ => null,
        };
        bool streamed = Sizing is DataSizing.StreamedZero or DataSizing.StreamedMax;
        Chunk("data", data, declared);
        if (!streamed)
        {
            if (Layout is ChunkLayout.UnknownAfterData or ChunkLayout.Everywhere)
            {
                Chunk("_PMX", Ascii("<xmp>meta</xmp>", 15));
                Chunk("LIST", [.. "INFO"u8, .. "ICMT"u8, 2, 0, 0, 0, (byte)'o', (byte)'k']);
            }
            if (Layout is ChunkLayout.OddChunkAfterData) Chunk("zzz ", [9]);
            if (Sizing == DataSizing.TrailingGarbage) stream.Write("\x01garbage!"u8);
        }

        var bytes = stream.ToArray();
        uint riff = Sizing switch
        {
            DataSizing.StreamedZero => 0u,
            DataSizing.StreamedMax => uint.MaxValue,
            _ => (uint)(bytes.Length - 8),
        };
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), riff);
        // A streamed file whose data size is odd would carry no pad byte (the size is unknown while writing).
        return streamed && data.Length % 2 == 1 ? bytes[..^1] : bytes;
    }

    private byte[] Format()
    {
        ushort tag = FormatTag ?? (ushort)(IsFloat ? 3 : 1);
        ushort bits = Bits ?? (ushort)ContainerBits;
        var fmt = new byte[Extensible ? 40 : 16];
        BinaryPrimitives.WriteUInt16LittleEndian(fmt, Extensible ? (ushort)0xFFFE : tag);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(2), (ushort)Channels);
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(4), SampleRate);
        int blockAlign = Channels * bits / 8;
        BinaryPrimitives.WriteInt32LittleEndian(fmt.AsSpan(8), SampleRate * blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(12), (ushort)blockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(14), bits);
        if (Extensible)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(16), 22);
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(18), (ushort)(Encoding == WavEncoding.Pcm24In32 ? 24 : bits));
            BinaryPrimitives.WriteUInt32LittleEndian(fmt.AsSpan(20), Channels == 6 ? 0x3Fu : Channels == 2 ? 3u : 4u);
            // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: {0000000x-0000-0010-8000-00aa00389b71}
            BinaryPrimitives.WriteUInt16LittleEndian(fmt.AsSpan(24), tag);
            byte[] tail = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xAA, 0x00, 0x38, 0x9B, 0x71];
            tail.CopyTo(fmt.AsSpan(26));
        }
        return fmt;
    }

    private byte[] SampleBytes()
    {
        int bytesPerSample = ContainerBits / 8;
        var data = new byte[Frames * Channels * bytesPerSample + (Sizing == DataSizing.OddDataWithPad ? 1 : 0)];
        for (int f = 0; f < Frames; f++)
            for (int c = 0; c < Channels; c++)
            {
                var s = data.AsSpan((f * Channels + c) * bytesPerSample, bytesPerSample);
                double v = Value(f, c);
                switch (Encoding)
                {
                    case WavEncoding.Unsigned8: s[0] = (byte)(v * 128 + 128); break;
                    case WavEncoding.Pcm16: BinaryPrimitives.WriteInt16LittleEndian(s, (short)(v * 32768)); break;
                    case WavEncoding.Pcm24:
                        int x = (int)(v * 8388608);
                        s[0] = (byte)x; s[1] = (byte)(x >> 8); s[2] = (byte)(x >> 16);
                        break;
                    case WavEncoding.Pcm32: BinaryPrimitives.WriteInt32LittleEndian(s, (int)(v * 2147483648.0)); break;
                    case WavEncoding.Pcm24In32: BinaryPrimitives.WriteInt32LittleEndian(s, (int)(v * 8388608) << 8); break;
                    case WavEncoding.Float32: BinaryPrimitives.WriteSingleLittleEndian(s, (float)v); break;
                    default: BinaryPrimitives.WriteDoubleLittleEndian(s, v); break;
                }
            }
        if (Sizing == DataSizing.OddDataWithPad) data[^1] = 0x7F; // a partial frame: one stray byte the reader must ignore
        return data;
    }

    private static byte[] Ascii(string text, int length)
    {
        var bytes = new byte[length];
        System.Text.Encoding.ASCII.GetBytes(text).AsSpan(0, Math.Min(text.Length, length)).CopyTo(bytes);
        return bytes;
    }
}
