using System.Buffers.Binary;
using MsaMl.Transforms.Audio;

namespace MsaMl.Transforms.Tests;

/// <summary>A temporary folder of generated test files, removed on dispose.</summary>
public sealed class TestFiles : IDisposable
{
    public TestFiles()
    {
        Root = Path.Combine(Path.GetTempPath(), "msaml-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string PathOf(string name) => Path.Combine(Root, name);

    public static float[] Tone(double frequency, double seconds, int sampleRate, float amplitude = 0.5f)
    {
        var samples = new float[(int)(seconds * sampleRate)];
        for (int i = 0; i < samples.Length; i++) samples[i] = amplitude * (float)Math.Sin(2 * Math.PI * frequency * i / sampleRate);
        return samples;
    }

    public string WriteTone(string name, double frequency, double seconds, int sampleRate = 16000)
    {
        string path = PathOf(name);
        WavWriter.WritePcm16(path, Tone(frequency, seconds, sampleRate), sampleRate);
        return path;
    }

    /// <summary>A WAV with an arbitrary format tag, bit depth and channel count holding <paramref name="data"/>.</summary>
    public string WriteRawWav(string name, ushort formatTag, ushort channels, ushort bits, int sampleRate, byte[] data, int? declaredDataSize = null)
    {
        var bytes = new byte[44 + data.Length];
        "RIFF"u8.CopyTo(bytes);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(4), 36 + data.Length);
        "WAVEfmt "u8.CopyTo(bytes.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(16), 16);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(20), formatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(22), channels);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(28), sampleRate * channels * bits / 8);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(32), (ushort)(channels * bits / 8));
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(34), bits);
        "data"u8.CopyTo(bytes.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(40), declaredDataSize ?? data.Length);
        data.CopyTo(bytes.AsSpan(44));
        string path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
