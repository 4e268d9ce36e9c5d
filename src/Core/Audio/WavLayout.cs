namespace MsaMl.Transforms.Audio;

/// <summary>Where a WAV file's samples are and how they are encoded (the parsed 'fmt ' and 'data' chunks).</summary>
public readonly record struct WavLayout(ushort Format, int Channels, int BitsPerSample, int SampleRate, int DataOffset, int DataLength)
{
    /// <summary>PCM integer samples (format tag 0x0001).</summary>
    public const ushort Pcm = 1;

    /// <summary>IEEE float samples (format tag 0x0003).</summary>
    public const ushort IeeeFloat = 3;

    /// <summary>WAVE_FORMAT_EXTENSIBLE: the real format is the first two bytes of the sub-format GUID.</summary>
    public const ushort Extensible = 0xFFFE;

    /// <summary>Bytes of one sample of one channel.</summary>
    public int BytesPerSample => BitsPerSample / 8;

    /// <summary>Bytes of one frame (one sample of every channel).</summary>
    public int FrameBytes => BytesPerSample * Channels;

    /// <summary>Whole frames in the data chunk (a partial last frame is ignored).</summary>
    public int Frames => DataLength / FrameBytes;
}
