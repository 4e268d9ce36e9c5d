using NWaves.Filters.Fda;
using NWaves.Operations;
using NWaves.Signals;
using NWaves.Transforms;
using NWaves.Windows;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Audio samples -> [channels, freq, time] log spectrogram with NWaves (STFT, mel filter bank,
/// resampling). Holds NWaves buffers: one instance per thread.
/// </summary>
public sealed class SpectrogramComputer
{
    private readonly LogSpectrogramOptions _options;
    private readonly Stft? _stft;
    private readonly MixedRadixFft? _exact;
    private readonly float[]? _window;
    private readonly float[][]? _melBank;
    private readonly float[]? _melBuffer;

    public SpectrogramComputer(LogSpectrogramOptions options)
    {
        Validate(options);
        _options = options;
        WindowSize = (int)Math.Round(options.SampleRate * options.WindowMs / 1000.0);
        HopSize = (int)Math.Round(options.SampleRate * options.HopMs / 1000.0);
        FftSize = ResolveFftSize(options, WindowSize);
        if (IsPowerOfTwo(FftSize)) _stft = new Stft(WindowSize, HopSize, WindowType.Hann, FftSize);
        else
        {
            // Any other length (the original system's 320 points): the exact mixed-radix DFT.
            _exact = new MixedRadixFft(FftSize);
            _window = Window.OfType(WindowType.Hann, WindowSize);
        }
        if (options.MelBands > 0)
        {
            var bands = FilterBanks.MelBands(options.MelBands, options.SampleRate, 0, options.SampleRate / 2.0, true);
            _melBank = FilterBanks.Triangular(FftSize, options.SampleRate, bands, null!, null!);
            _melBuffer = new float[options.MelBands];
        }
    }

    public int WindowSize { get; }
    public int HopSize { get; }
    public int FftSize { get; }
    public int Channels => _options.Deltas ? 3 : 1;
    public int FrequencyBins => _options.MelBands > 0 ? _options.MelBands : FftSize / 2 + 1;
    public int TimeFrames => _options.TimeFrames;
    public int[] Shape => new[] { Channels, FrequencyBins, TimeFrames };

    public static int[] ShapeOf(LogSpectrogramOptions options)
    {
        Validate(options);
        int window = (int)Math.Round(options.SampleRate * options.WindowMs / 1000.0);
        int freq = options.MelBands > 0 ? options.MelBands : ResolveFftSize(options, window) / 2 + 1;
        return new[] { options.Deltas ? 3 : 1, freq, options.TimeFrames };
    }

    /// <summary>Brings audio to the configured sample rate, or throws when resampling is off.</summary>
    public float[] Prepare(WavAudio audio)
    {
        if (audio.SampleRate == _options.SampleRate) return audio.Samples;
        if (!_options.Resample)
            throw new InvalidDataException($"sample rate is {audio.SampleRate} Hz; expected {_options.SampleRate} Hz (set Resample = true to convert)");
        return Operation.Resample(new DiscreteSignal(audio.SampleRate, audio.Samples), _options.SampleRate).Samples;
    }

    /// <summary>Power spectra of each frame ([time][freq]), before the logarithm.</summary>
    public List<float[]> PowerFrames(float[] samples)
    {
        if (samples.Length <= WindowSize) return new List<float[]>();
        var frames = _stft?.Spectrogram(samples, false) ?? ExactFrames(samples);
        if (_melBank == null) return frames;
        var mel = new List<float[]>(frames.Count);
        foreach (var frame in frames)
        {
            FilterBanks.Apply(_melBank, frame, _melBuffer!);
            mel.Add((float[])_melBuffer!.Clone());
        }
        return mel;
    }

    /// <summary>Power spectra of Hann-windowed frames through <see cref="MixedRadixFft"/>, framed as NWaves' STFT frames the radix-2 path: a frame every hop from sample 0 while a whole hop fits in the signal, zero-padded past its end.</summary>
    private List<float[]> ExactFrames(float[] samples)
    {
        var frames = new List<float[]>();
        var frame = new float[WindowSize];
        for (int pos = 0; pos + HopSize <= samples.Length; pos += HopSize)
        {
            for (int i = 0; i < WindowSize; i++) frame[i] = pos + i < samples.Length ? samples[pos + i] * _window![i] : 0f;
            var power = new float[FftSize / 2 + 1];
            _exact!.PowerSpectrum(frame, power);
            frames.Add(power);
        }
        return frames;
    }

    private static bool IsPowerOfTwo(int n) => n > 0 && (n & (n - 1)) == 0;

    /// <summary>
    /// Writes the [channels, freq, time] features of <paramref name="samples"/> into
    /// <paramref name="output"/> (pre-zeroed) and returns how many frames hold audio.
    /// </summary>
    public int Compute(float[] samples, Span<float> output)
    {
        var frames = PowerFrames(samples);
        int f = FrequencyBins, t = TimeFrames;
        int valid = Math.Min(frames.Count, t);
        if (valid == 0) return 0;

        float floor = (float)_options.Floor;
        var logSpec = output[..(f * t)];
        for (int time = 0; time < valid; time++)
        {
            var frame = frames[time];
            for (int bin = 0; bin < f; bin++) logSpec[bin * t + time] = MathF.Log(frame[bin] + floor);
        }

        if (_options.Deltas)
        {
            Difference(output[..(f * t)], output.Slice(f * t, f * t), f, t, valid);
            Difference(output.Slice(f * t, f * t), output.Slice(2 * f * t, f * t), f, t, valid);
        }

        for (int c = 0; c < Channels; c++)
            Standardize(output.Slice(c * f * t, f * t), c, f, t, valid);
        return valid;
    }

    // delta[t] = x[t] - x[t-1], delta[0] = 0, over the frames that hold audio.
    private static void Difference(ReadOnlySpan<float> x, Span<float> delta, int f, int t, int valid)
    {
        for (int bin = 0; bin < f; bin++)
        {
            int row = bin * t;
            for (int time = 1; time < valid; time++) delta[row + time] = x[row + time] - x[row + time - 1];
        }
    }

    private void Standardize(Span<float> channel, int c, int f, int t, int valid)
    {
        double mean, std;
        switch (_options.Standardization)
        {
            case SpectrogramStandardization.PerUtterance:
                (mean, std) = Moments(channel, f, t, valid);
                break;
            case SpectrogramStandardization.Dataset:
                mean = _options.ChannelMeans![c];
                std = _options.ChannelStds![c];
                break;
            default:
                return;
        }
        float m = (float)mean, inv = (float)(1.0 / Math.Max(std, 1e-8));
        for (int bin = 0; bin < f; bin++)
        {
            var row = channel.Slice(bin * t, valid);
            for (int time = 0; time < row.Length; time++) row[time] = (row[time] - m) * inv;
        }
    }

    /// <summary>Mean and standard deviation of the frames that hold audio.</summary>
    internal static (double Mean, double Std) Moments(ReadOnlySpan<float> channel, int f, int t, int valid)
    {
        double sum = 0, sumSq = 0;
        for (int bin = 0; bin < f; bin++)
        {
            var row = channel.Slice(bin * t, valid);
            foreach (float v in row) { sum += v; sumSq += (double)v * v; }
        }
        double n = (double)f * valid;
        double mean = sum / n;
        return (mean, Math.Sqrt(Math.Max(sumSq / n - mean * mean, 0)));
    }

    private static int ResolveFftSize(LogSpectrogramOptions options, int window)
    {
        if (options.FftSize == 0)
        {
            int size = 1;
            while (size < window) size <<= 1;
            return size;
        }
        return options.FftSize;
    }

    private static void Validate(LogSpectrogramOptions o)
    {
        if (o.SampleRate <= 0) throw new ArgumentOutOfRangeException(nameof(o.SampleRate), $"SampleRate must be positive, got {o.SampleRate}.");
        if (o.WindowMs <= 0 || o.HopMs <= 0) throw new ArgumentOutOfRangeException(nameof(o.WindowMs), $"WindowMs and HopMs must be positive, got {o.WindowMs} and {o.HopMs}.");
        int window = (int)Math.Round(o.SampleRate * o.WindowMs / 1000.0);
        if (o.FftSize != 0 && o.FftSize < window)
            throw new ArgumentOutOfRangeException(nameof(o.FftSize), $"FftSize must be 0 or at least the window ({window} samples), got {o.FftSize}.");
        if (o.TimeFrames <= 0) throw new ArgumentOutOfRangeException(nameof(o.TimeFrames), $"TimeFrames must be positive, got {o.TimeFrames}.");
        if (o.MelBands < 0) throw new ArgumentOutOfRangeException(nameof(o.MelBands), $"MelBands must be >= 0, got {o.MelBands}.");
        if (o.BatchSize <= 0) throw new ArgumentOutOfRangeException(nameof(o.BatchSize), $"BatchSize must be positive, got {o.BatchSize}.");
        if (o.Standardization == SpectrogramStandardization.Dataset && o.ChannelMeans != null)
        {
            int channels = o.Deltas ? 3 : 1;
            if (o.ChannelMeans.Length != channels || o.ChannelStds?.Length != channels)
                throw new ArgumentException($"ChannelMeans and ChannelStds must each hold {channels} values.");
        }
    }
}
