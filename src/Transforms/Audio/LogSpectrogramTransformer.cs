using System.Text.Json.Nodes;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// WAV path -> log (mel) spectrogram with optional delta channels, as a fixed-size
/// [channels, freq, time] vector. An empty path gives an all-zero vector (missing recording);
/// a path that cannot be read throws <see cref="MsaInputException"/> naming the row and file.
/// </summary>
public sealed class LogSpectrogramTransformer : FeaturizingTransformer
{
    public const string KindName = "MsaMl.LogSpectrogram";

    private readonly LogSpectrogramOptions _options;

    public LogSpectrogramTransformer(LogSpectrogramOptions options)
        : base(options.InputColumnName, OutputColumnsOf(options))
    {
        if (options.Standardization == SpectrogramStandardization.Dataset && (options.ChannelMeans == null || options.ChannelStds == null))
            throw new ArgumentException("Dataset standardization needs ChannelMeans and ChannelStds; fit the estimator to learn them.");
        _options = TransformFactory.Clone(options);
    }

    internal static FeatureColumn[] OutputColumnsOf(LogSpectrogramOptions options)
    {
        int[] shape = SpectrogramComputer.ShapeOf(options);
        var spectrogram = new FeatureColumn(options.OutputColumnName, "channels,freq,time", shape);
        return options.StatisticsColumnName == null
            ? new[] { spectrogram }
            : new[] { spectrogram, new FeatureColumn(options.StatisticsColumnName, "channels,freq,stat(mean,std)", shape[0], shape[1], 2) };
    }

    public override string Kind => KindName;

    /// <summary>A copy of the options, including learned channel moments.</summary>
    public LogSpectrogramOptions Options => TransformFactory.Clone(_options);

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    protected internal override int BatchSize => _options.BatchSize;

    protected internal override Featurizer CreateFeaturizer() => new SpectrogramFeaturizer(_options);

    private sealed class SpectrogramFeaturizer : Featurizer
    {
        private readonly LogSpectrogramOptions _options;
        private readonly SpectrogramComputer _computer;
        private readonly int _size;

        public SpectrogramFeaturizer(LogSpectrogramOptions options)
        {
            _options = options;
            _computer = new SpectrogramComputer(options);
            _size = _computer.Shape.Aggregate(1, (a, b) => a * b);
        }

        public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
        {
            for (int i = 0; i < batch.Count; i++)
            {
                var samples = AudioFiles.LoadSamples(batch[i], _options.InputColumnName, _options.BaseFolder, _computer);
                if (samples == null) continue;
                var spectrogram = outputs[0].AsSpan(i * _size, _size);
                int valid = _computer.Compute(samples, spectrogram);
                if (outputs.Length > 1 && valid > 0) WriteStatistics(spectrogram, valid, outputs[1].AsSpan(i * _size / _computer.TimeFrames * 2, _size / _computer.TimeFrames * 2));
            }
        }

        private void WriteStatistics(ReadOnlySpan<float> spectrogram, int valid, Span<float> statistics)
        {
            int t = _computer.TimeFrames, rows = spectrogram.Length / t;
            for (int row = 0; row < rows; row++)
            {
                var (mean, std) = SpectrogramComputer.Moments(spectrogram.Slice(row * t, t), 1, t, valid);
                statistics[2 * row] = (float)mean;
                statistics[2 * row + 1] = (float)std;
            }
        }
    }
}
