using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Featurizes one row at a time with buffers it keeps between rows (file bytes, decoded and
/// resampled samples, the spectrogram computer's frames): no allocation per row once the buffers
/// have grown to the longest file. One instance per thread.
/// </summary>
internal sealed class SpectrogramWorker
{
    private readonly LogSpectrogramOptions _options;
    private byte[] _file = Array.Empty<byte>();
    private float[] _decoded = Array.Empty<float>();
    private float[] _resampled = Array.Empty<float>();

    public SpectrogramWorker(LogSpectrogramOptions options)
    {
        _options = options;
        Computer = new SpectrogramComputer(options);
    }

    public SpectrogramComputer Computer { get; }

    /// <summary>
    /// Decodes, down-mixes and resamples the row's file into the worker's buffer; false for an empty
    /// path (missing recording). Bad files throw <see cref="MsaInputException"/> naming the row and file.
    /// </summary>
    public bool TryLoad(FeaturizerInput input, out ReadOnlySpan<float> samples)
    {
        samples = default;
        if (string.IsNullOrWhiteSpace(input.Value)) return false;
        string path = FilePaths.Resolve(input.Value, _options.BaseFolder);
        string column = _options.InputColumnName;
        try
        {
            int length = WavReader.ReadFile(path, ref _file, _options.Limits);
            var file = _file.AsSpan(0, length);
            var layout = WavReader.Parse(file, _options.Limits);
            Computer.CheckRate(layout.SampleRate);
            Grow(ref _decoded, layout.Frames);
            WavReader.DecodeMono(file, layout, _decoded);
            samples = _decoded.AsSpan(0, layout.Frames);
            if (layout.SampleRate != _options.SampleRate)
            {
                var resampler = PolyphaseResampler.For(layout.SampleRate, _options.SampleRate);
                Grow(ref _resampled, resampler.OutputLength(samples.Length));
                int count = resampler.Process(samples, _resampled);
                samples = _resampled.AsSpan(0, count);
            }
            return true;
        }
        catch (FileNotFoundException)
        {
            throw new MsaInputException(column, input.Row, path, "audio file not found");
        }
        catch (InvalidDataException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read WAV: {ex.Message}", ex);
        }
        catch (IOException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read file: {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new MsaInputException(column, input.Row, path, $"cannot read file: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Fills one row's spectrogram (pre-zeroed) and, when <paramref name="statistics"/> is not empty,
    /// its per-row statistics; uses (and drops) <paramref name="cache"/>'s log channel when it holds this row.
    /// </summary>
    public void Featurize(FeaturizerInput input, Span<float> spectrogram, Span<float> statistics, SpectrogramFitCache? cache)
    {
        int valid;
        if (cache != null && cache.TryTake(input, out var cached))
        {
            valid = cached.Valid;
            cached.CopyTo(spectrogram, Computer.FrequencyBins, Computer.TimeFrames);
            if (valid > 0) Computer.Finish(spectrogram, valid);
        }
        else
        {
            if (!TryLoad(input, out var samples)) return;
            valid = Computer.Compute(samples, spectrogram);
        }
        if (!statistics.IsEmpty && valid > 0) WriteStatistics(spectrogram, valid, statistics);
    }

    private void WriteStatistics(ReadOnlySpan<float> spectrogram, int valid, Span<float> statistics)
    {
        int t = Computer.TimeFrames, rows = spectrogram.Length / t;
        for (int row = 0; row < rows; row++)
        {
            var (mean, std) = SpectrogramComputer.Moments(spectrogram.Slice(row * t, t), 1, t, valid);
            statistics[2 * row] = (float)mean;
            statistics[2 * row + 1] = (float)std;
        }
    }

    private static void Grow(ref float[] buffer, int length)
    {
        if (buffer.Length < length) buffer = new float[Math.Max(length, buffer.Length * 3 / 2)];
    }
}
