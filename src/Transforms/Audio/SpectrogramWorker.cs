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
    private readonly AudioFileLoader _loader;
    private readonly float[] _sortBuffer;

    public SpectrogramWorker(LogSpectrogramOptions options)
    {
        _options = options;
        Computer = new SpectrogramComputer(options);
        _sortBuffer = new float[Computer.TimeFrames];
        _loader = new AudioFileLoader(options.InputColumnName, options.BaseFolder, options.SampleRate, options.Limits, Computer.CheckRate);
    }

    public SpectrogramComputer Computer { get; }

    /// <summary>
    /// Decodes, down-mixes and resamples the row's file into the worker's buffer; false for an empty
    /// path (missing recording). Bad files throw <see cref="MsaInputException"/> naming the row and file.
    /// </summary>
    public bool TryLoad(FeaturizerInput input, out ReadOnlySpan<float> samples) => _loader.TryLoad(input, out samples);

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
        if (!_options.StatisticsQuartiles) return;
        var quartiles = statistics[(2 * rows)..];
        var sorted = _sortBuffer.AsSpan(0, valid);
        for (int bin = 0; bin < Computer.FrequencyBins; bin++)
        {
            spectrogram.Slice(bin * t, valid).CopyTo(sorted);
            sorted.Sort();
            for (int q = 0; q < 3; q++) quartiles[3 * bin + q] = (float)SortedPercentile.Of<float>(sorted, 0.25 * (q + 1));
        }
    }
}
