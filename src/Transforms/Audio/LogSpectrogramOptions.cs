namespace MsaMl.Transforms.Audio;

/// <summary>
/// Options of <see cref="LogSpectrogramTransformer"/>. Defaults follow the original AAT system:
/// Hann window 20 ms, hop 10 ms, power spectrum, log(S + 1e-10), delta and delta-delta channels,
/// 750 time frames (7.5 s).
/// </summary>
public sealed class LogSpectrogramOptions
{
    /// <summary>
    /// Receives the featurizing progress (rows done, total, rate) of the fitted transform's passes;
    /// not part of the saved options (see <see cref="MsaMl.Transforms.Core.FeaturizingTransformer.Progress"/>).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IProgress<MsaMl.Transforms.Core.FeaturizingProgress>? Progress { get; set; }

    /// <summary>Column with the WAV file path. An empty path is a missing recording: all-zero features.</summary>
    public string InputColumnName { get; set; } = "AudioPath";

    /// <summary>Output column: a [channels, freq, time] vector.</summary>
    public string OutputColumnName { get; set; } = "Spectrogram";

    /// <summary>
    /// Optional second output: mean and standard deviation of each channel and frequency bin over
    /// the frames that hold audio, [channels, freq, 2] — compact features for classic trainers.
    /// </summary>
    public string? StatisticsColumnName { get; set; }

    /// <summary>
    /// With <see cref="StatisticsColumnName"/>: after the means and deviations, the 25th, 50th and
    /// 75th percentile (linear interpolation between the sorted values) of each frequency bin of the
    /// first channel, the log spectrogram itself, over the frames that hold audio; the column is then
    /// a flat vector of channels x freq x 2 + freq x 3 values. The deltas' quartiles are left out:
    /// they lowered URDU's UA while the log spectrogram's raised it on both speech corpora
    /// (benchmarks/README.md, "Speech recipes on speaker-independent folds").
    /// </summary>
    public bool StatisticsQuartiles { get; set; }

    /// <summary>Relative paths are resolved against this folder (null: the current directory).</summary>
    public string? BaseFolder { get; set; }

    /// <summary>
    /// What a WAV file may declare (sample rate, channels, duration, file size), checked from its header before it is
    /// decoded; a file beyond a limit is an error naming the row and file. Saved with the model, so scoring applies the
    /// limits it was trained with.
    /// </summary>
    public WavLimits Limits { get; set; } = new();

    /// <summary>Expected sample rate in Hz (IEMOCAP: 16 kHz); at most <see cref="WavLimits.DefaultMaxSampleRate"/>.</summary>
    public int SampleRate { get; set; } = 16000;

    /// <summary>
    /// Resample files at another rate (true) or reject them with an error (false). Resampling is a
    /// polyphase FIR (<see cref="PolyphaseResampler"/>): flat to 0.9 of the lower Nyquist frequency,
    /// and that band alias-free to at least 80 dB (when down-sampling the stop-band starts at
    /// 1.1 times the new Nyquist frequency, whose aliases land above the pass-band).
    /// </summary>
    public bool Resample { get; set; } = true;

    /// <summary>Analysis window length in milliseconds (Hann window).</summary>
    public double WindowMs { get; set; } = 20;

    /// <summary>Hop between frames in milliseconds.</summary>
    public double HopMs { get; set; } = 10;

    /// <summary>
    /// FFT size, not smaller than the window: FftSize / 2 + 1 frequency bins. A power of two runs
    /// the batched radix-2 FFT; any other size (the original system's 320 points, 161 bins) the
    /// exact <see cref="MixedRadixFft"/>. 0 picks the smallest power of two: 512 at 16 kHz and
    /// 20 ms, so 257 bins.
    /// </summary>
    public int FftSize { get; set; }

    /// <summary>Number of mel bands; 0 keeps the linear-frequency power spectrum.</summary>
    public int MelBands { get; set; }

    /// <summary>Added before the logarithm: log(S + Floor).</summary>
    public double Floor { get; set; } = 1e-10;

    /// <summary>Adds delta and delta-delta channels (3 channels instead of 1).</summary>
    public bool Deltas { get; set; } = true;

    /// <summary>Frames kept: longer audio is cropped, shorter audio zero-padded at the end.</summary>
    public int TimeFrames { get; set; } = 750;

    /// <summary>Channel standardization.</summary>
    public SpectrogramStandardization Standardization { get; set; } = SpectrogramStandardization.None;

    /// <summary>Per-channel means for <see cref="SpectrogramStandardization.Dataset"/>; learned by Fit when null.</summary>
    public float[]? ChannelMeans { get; set; }

    /// <summary>Per-channel standard deviations for <see cref="SpectrogramStandardization.Dataset"/>; learned by Fit when null.</summary>
    public float[]? ChannelStds { get; set; }

    /// <summary>Rows featurized together on the data-view path (spread over <see cref="MaxThreads"/> cores).</summary>
    public int BatchSize { get; set; } = 16;

    /// <summary>Cores used to featurize a batch (and to learn dataset moments); 0 uses all cores. Output order never depends on it.</summary>
    public int MaxThreads { get; set; }

    /// <summary>
    /// With <see cref="SpectrogramStandardization.Dataset"/>: memory (MiB) that <c>Fit</c> may keep of the
    /// log spectrograms it computed, so that transforming the same data view right after (as an
    /// estimator chain does) does not decode those files again. The cache lives only as long as that
    /// data view; 0 turns it off.
    /// </summary>
    public int FitCacheMegabytes { get; set; } = 1024;

    /// <summary>Checks every value against its range; returns the options.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value out of range; the parameter names the property.</exception>
    public LogSpectrogramOptions Validate()
    {
        ArgumentNullException.ThrowIfNull(Limits, nameof(Limits));
        Limits.Validate();
        OptionCheck.Require(SampleRate > 0 && SampleRate <= WavLimits.DefaultMaxSampleRate, nameof(SampleRate), SampleRate, $"expected a positive rate in Hz, at most {WavLimits.DefaultMaxSampleRate}");
        OptionCheck.Require(WindowMs > 0, nameof(WindowMs), WindowMs, "expected a positive duration");
        OptionCheck.Require(HopMs > 0, nameof(HopMs), HopMs, "expected a positive duration");
        double windowSamples = Math.Round(SampleRate * WindowMs / 1000.0);
        OptionCheck.Require(windowSamples <= SpectrogramComputer.MaxFftSize, nameof(WindowMs), WindowMs, $"expected a window (WindowMs x SampleRate) of at most {SpectrogramComputer.MaxFftSize} samples");
        OptionCheck.Require(Math.Round(SampleRate * HopMs / 1000.0) >= 1, nameof(HopMs), HopMs, $"expected at least one sample ({1000.0 / SampleRate} ms at {SampleRate} Hz)");
        int window = (int)windowSamples;
        OptionCheck.Require(FftSize == 0 || (FftSize >= window && FftSize <= SpectrogramComputer.MaxFftSize), nameof(FftSize), FftSize,
            $"expected 0 (the next power of two of the window) or at least the window ({window} samples) and at most {SpectrogramComputer.MaxFftSize}");
        OptionCheck.Positive(TimeFrames, nameof(TimeFrames));
        OptionCheck.Require(MelBands is >= 0 and <= SpectrogramComputer.MaxMelBands, nameof(MelBands), MelBands, $"expected 0 (linear bins) or 1 to {SpectrogramComputer.MaxMelBands} mel bands");
        OptionCheck.Require(Floor > 0, nameof(Floor), Floor, "expected a positive floor inside the log");
        long bins = MelBands > 0 ? MelBands : SpectrogramComputer.ResolveFftSize(this, window) / 2 + 1;
        long rowFloats = (Deltas ? 3 : 1) * bins * TimeFrames;
        OptionCheck.Require(rowFloats <= SpectrogramComputer.MaxRowFloats, nameof(TimeFrames), TimeFrames,
            $"one row would hold {rowFloats} floats ({bins} bins x {TimeFrames} frames); expected at most {SpectrogramComputer.MaxRowFloats}");
        OptionCheck.Positive(BatchSize, nameof(BatchSize));
        OptionCheck.Require(MaxThreads >= 0, nameof(MaxThreads), MaxThreads, "expected 0 (all cores) or more");
        OptionCheck.Require(FitCacheMegabytes >= 0, nameof(FitCacheMegabytes), FitCacheMegabytes, "expected 0 (off) or more MiB");
        if (Standardization == SpectrogramStandardization.Dataset && ChannelMeans != null)
        {
            int channels = Deltas ? 3 : 1;
            OptionCheck.Require(ChannelMeans.Length == channels && ChannelStds?.Length == channels, nameof(ChannelMeans), ChannelMeans.Length,
                $"expected ChannelMeans and ChannelStds of {channels} values each");
        }
        return this;
    }
}
