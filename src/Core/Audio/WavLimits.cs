namespace MsaMl.Transforms.Audio;

/// <summary>
/// What <see cref="WavReader"/> accepts, checked from the file's size and its 'fmt ' and 'data' headers before any
/// sample is decoded, so that a small file cannot make it allocate gigabytes (a header declaring 10 MHz once took
/// 10 GB in the resampler). A file beyond a limit is an <see cref="InvalidDataException"/> naming the file, the
/// value found and the limit. The defaults admit every common recording: up to 384 kHz, 64 channels and 10 minutes.
/// </summary>
public sealed class WavLimits
{
    /// <summary>The default of <see cref="MaxSampleRate"/>: 384,000 Hz, the highest rate of common audio hardware.</summary>
    public const int DefaultMaxSampleRate = 384_000;

    /// <summary>The default of <see cref="MaxChannels"/>: 64 (7th-order ambisonics).</summary>
    public const int DefaultMaxChannels = 64;

    /// <summary>The default of <see cref="MaxDurationSeconds"/>: 600 s (features keep the first few seconds anyway).</summary>
    public const double DefaultMaxDurationSeconds = 600;

    /// <summary>The default of <see cref="MaxFileBytes"/>: 1 GiB.</summary>
    public const long DefaultMaxFileBytes = 1L << 30;

    /// <summary>
    /// The highest sample rate read (default 384,000 Hz). Resampling from a rate whose ratio to the target reduces
    /// to large numbers needs a filter that grows with the rate: at this limit at most a few hundred MB for the
    /// oddest rate, and a few KB for the usual ones (8, 11.025, 22.05, 44.1, 48, 96 kHz...).
    /// </summary>
    public int MaxSampleRate { get; set; } = DefaultMaxSampleRate;

    /// <summary>The most channels a file may have (default 64); they are down-mixed to mono.</summary>
    public int MaxChannels { get; set; } = DefaultMaxChannels;

    /// <summary>The longest recording read, in seconds (default 600: ten minutes); its samples are held in memory.</summary>
    public double MaxDurationSeconds { get; set; } = DefaultMaxDurationSeconds;

    /// <summary>The largest file read (default 1 GiB); the whole file is held in memory while it is decoded.</summary>
    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> naming the first limit that is not positive.</summary>
    public void Validate()
    {
        if (MaxSampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(MaxSampleRate), $"WavLimits.MaxSampleRate must be positive, got {MaxSampleRate}.");
        if (MaxChannels <= 0) throw new ArgumentOutOfRangeException(nameof(MaxChannels), $"WavLimits.MaxChannels must be positive, got {MaxChannels}.");
        if (!(MaxDurationSeconds > 0)) throw new ArgumentOutOfRangeException(nameof(MaxDurationSeconds), $"WavLimits.MaxDurationSeconds must be positive, got {MaxDurationSeconds}.");
        if (MaxFileBytes <= 0) throw new ArgumentOutOfRangeException(nameof(MaxFileBytes), $"WavLimits.MaxFileBytes must be positive, got {MaxFileBytes}.");
    }

    /// <summary>Throws <see cref="InvalidDataException"/> when <paramref name="layout"/> is beyond a limit.</summary>
    internal void Check(WavLayout layout)
    {
        if (layout.SampleRate > MaxSampleRate)
            throw new InvalidDataException($"sample rate {layout.SampleRate} Hz; expected at most {MaxSampleRate} Hz (WavLimits.MaxSampleRate)");
        if (layout.Channels > MaxChannels)
            throw new InvalidDataException($"{layout.Channels} channels; expected at most {MaxChannels} (WavLimits.MaxChannels)");
        double seconds = layout.Frames / (double)layout.SampleRate;
        if (seconds > MaxDurationSeconds)
            throw new InvalidDataException(FormattableString.Invariant($"{seconds:0.#} s of audio; expected at most {MaxDurationSeconds:0.#} s (WavLimits.MaxDurationSeconds)"));
    }
}
