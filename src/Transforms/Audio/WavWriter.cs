using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>Writes mono 16-bit PCM WAV files (through a temporary file and a rename).</summary>
public static class WavWriter
{
    public static void WritePcm16(string path, ReadOnlySpan<float> samples, int sampleRate)
    {
        RegularFile.RequireReplaceable(path);
        string full = Path.GetFullPath(path);
        string temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        using (var writer = new BinaryWriter(stream))
        {
            int dataBytes = samples.Length * 2;
            writer.Write("RIFF"u8);
            writer.Write(36 + dataBytes);
            writer.Write("WAVEfmt "u8);
            writer.Write(16);
            writer.Write((short)1);
            writer.Write((short)1);
            writer.Write(sampleRate);
            writer.Write(sampleRate * 2);
            writer.Write((short)2);
            writer.Write((short)16);
            writer.Write("data"u8);
            writer.Write(dataBytes);
            foreach (float s in samples)
                writer.Write((short)Math.Clamp(MathF.Round(s * 32767f), short.MinValue, short.MaxValue));
        }
        File.Move(temp, full, overwrite: true);
    }
}
