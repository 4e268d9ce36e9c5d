namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>Options of <see cref="AcousticFunctionalsTransformer"/> (the definitions are on <see cref="AcousticFunctionals"/>).</summary>
public sealed class AcousticFunctionalsOptions
{
    /// <summary>Receives the featurizing progress; not part of the saved options.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Column with the WAV file path. An empty path is a missing recording: all-zero functionals.</summary>
    public string InputColumnName { get; set; } = "AudioPath";

    /// <summary>Output column: one value per name of <see cref="AcousticFunctionals.Names"/>.</summary>
    public string OutputColumnName { get; set; } = "Functionals";

    /// <summary>Relative paths are resolved against this folder (null: the current directory).</summary>
    public string? BaseFolder { get; set; }

    /// <summary>Sample-rate, channel, duration and size limits, checked from each file's header before decoding.</summary>
    public WavLimits Limits { get; set; } = new();

    /// <summary>The analysis rate in Hz; files at other rates are resampled to it.</summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>The lowest pitch searched, in Hz.</summary>
    public double MinPitchHz { get; set; } = 60;

    /// <summary>The highest pitch searched, in Hz.</summary>
    public double MaxPitchHz { get; set; } = 500;

    /// <summary>The normalized autocorrelation a frame's pitch lag needs for the frame to count as voiced.</summary>
    public double VoicingThreshold { get; set; } = 0.5;

    /// <summary>Rows featurized together (spread over <see cref="MaxThreads"/> cores).</summary>
    public int BatchSize { get; set; } = 32;

    /// <summary>Cores to use; 0 means all.</summary>
    public int MaxThreads { get; set; }

    /// <summary>Throws naming the first option whose value is not allowed.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(InputColumnName)) throw new ArgumentException("InputColumnName: expected a column name, found an empty one.", nameof(InputColumnName));
        if (string.IsNullOrWhiteSpace(OutputColumnName)) throw new ArgumentException("OutputColumnName: expected a column name, found an empty one.", nameof(OutputColumnName));
        if (SampleRate < 8000 || SampleRate > 48000 || SampleRate % 100 != 0)
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "SampleRate: expected a multiple of 100 Hz from 8,000 to 48,000.");
        if (!(MinPitchHz >= 30) || !(MaxPitchHz > MinPitchHz) || MaxPitchHz > SampleRate / 8.0)
            throw new ArgumentOutOfRangeException(nameof(MinPitchHz), $"MinPitchHz {MinPitchHz}, MaxPitchHz {MaxPitchHz}: expected 30 Hz <= MinPitchHz < MaxPitchHz <= SampleRate / 8.");
        if (SampleRate / MinPitchHz * 1.5 > SampleRate / 25.0)
            throw new ArgumentOutOfRangeException(nameof(MinPitchHz), MinPitchHz, "MinPitchHz: the 40 ms pitch frame holds one and a half periods of at least 37.5 Hz; expected 37.5 Hz or more.");
        if (!(VoicingThreshold > 0 && VoicingThreshold < 1)) throw new ArgumentOutOfRangeException(nameof(VoicingThreshold), VoicingThreshold, "VoicingThreshold: expected a correlation between 0 and 1 (exclusive).");
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), BatchSize, "BatchSize: expected at least 1.");
        if (MaxThreads < 0) throw new ArgumentOutOfRangeException(nameof(MaxThreads), MaxThreads, "MaxThreads: expected 0 (all cores) or more.");
    }
}
