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
    private volatile SpectrogramFitCache? _fitCache;

    public LogSpectrogramTransformer(LogSpectrogramOptions options)
        : base(options.InputColumnName, OutputColumnsOf(options))
    {
        if (options.Standardization == SpectrogramStandardization.Dataset && (options.ChannelMeans == null || options.ChannelStds == null))
            throw new ArgumentException("Dataset standardization needs ChannelMeans and ChannelStds; fit the estimator to learn them.");
        _options = TransformFactory.Clone(options);
        Progress = options.Progress;
    }

    internal static FeatureColumn[] OutputColumnsOf(LogSpectrogramOptions options)
    {
        int[] shape = SpectrogramComputer.ShapeOf(options);
        var spectrogram = new FeatureColumn(options.OutputColumnName, "channels,freq,time", shape);
        if (options.StatisticsColumnName == null) return new[] { spectrogram };
        var statistics = options.StatisticsQuartiles
            ? new FeatureColumn(options.StatisticsColumnName, "channels,freq,stat(mean,std) then freq,quartile(25,50,75) of channel 0", shape[0] * shape[1] * 2 + shape[1] * 3)
            : new FeatureColumn(options.StatisticsColumnName, "channels,freq,stat(mean,std)", shape[0], shape[1], 2);
        return new[] { spectrogram, statistics };
    }

    public override string Kind => KindName;

    /// <summary>A copy of the options, including learned channel moments.</summary>
    public LogSpectrogramOptions Options => TransformFactory.Clone(_options);

    public override JsonNode SaveOptions() => TransformFactory.ToJson(_options);

    protected internal override int BatchSize => _options.BatchSize;

    protected internal override Featurizer CreateFeaturizer() => new SpectrogramFeaturizer(_options, _fitCache);

    /// <summary>Rows whose log spectrograms Fit computed and that no transform has used yet.</summary>
    public int PendingFitRows => _fitCache?.Count ?? 0;

    /// <summary>Drops what Fit kept for the first transform (<see cref="LogSpectrogramOptions.FitCacheMegabytes"/>).</summary>
    public void ReleaseFitCache() => _fitCache = null;

    internal void KeepFitCache(SpectrogramFitCache cache) => _fitCache = cache;
}
