using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// The featurizer of <see cref="LogSpectrogramTransformer"/>: the rows of a batch are featurized
/// in parallel (<see cref="LogSpectrogramOptions.MaxThreads"/>), each thread with a reused
/// <see cref="SpectrogramWorker"/>; every row writes only its own output slice.
/// </summary>
internal sealed class SpectrogramFeaturizer : Featurizer
{
    private readonly ParallelRows<SpectrogramWorker> _rows;
    private readonly SpectrogramFitCache? _cache;
    private readonly int _size;
    private readonly int _statisticsSize;

    public SpectrogramFeaturizer(LogSpectrogramOptions options, SpectrogramFitCache? cache)
    {
        _rows = new ParallelRows<SpectrogramWorker>(() => new SpectrogramWorker(options), options.MaxThreads);
        _cache = cache;
        var shape = SpectrogramComputer.ShapeOf(options);
        _size = shape[0] * shape[1] * shape[2];
        var columns = LogSpectrogramTransformer.OutputColumnsOf(options);
        _statisticsSize = columns.Length > 1 ? columns[1].Size : 0;
    }

    public override void Featurize(IReadOnlyList<FeaturizerInput> batch, float[][] outputs)
    {
        var spectrograms = outputs[0];
        var statistics = outputs.Length > 1 ? outputs[1] : null;
        _rows.Run(batch.Count, (i, worker) => worker.Featurize(
            batch[i],
            spectrograms.AsSpan(i * _size, _size),
            statistics == null ? Span<float>.Empty : statistics.AsSpan(i * _statisticsSize, _statisticsSize),
            _cache));
    }
}
