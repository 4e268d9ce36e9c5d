using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Estimator of <see cref="LogSpectrogramTransformer"/>. With
/// <see cref="SpectrogramStandardization.Dataset"/> and no given moments, <see cref="Fit"/> reads
/// the training audio once (on all cores) and learns each channel's mean and standard deviation;
/// the log spectrograms it computed are kept (within <see cref="LogSpectrogramOptions.FitCacheMegabytes"/>)
/// until the transform reads those rows once, so featurizing the training data decodes each file once.
/// </summary>
public sealed class LogSpectrogramEstimator : FeaturizingEstimator<LogSpectrogramTransformer>
{
    private readonly LogSpectrogramOptions _options;

    public LogSpectrogramEstimator(LogSpectrogramOptions options)
        : base(options.InputColumnName, LogSpectrogramTransformer.OutputColumnsOf(options), options.Progress)
    {
        _options = TransformFactory.Clone(options);
    }

    public override LogSpectrogramTransformer Fit(IDataView input)
    {
        var source = SchemaChecks.RequireText(input.Schema, _options.InputColumnName, "Input");
        var options = TransformFactory.Clone(_options);
        if (options.Standardization != SpectrogramStandardization.Dataset || options.ChannelMeans != null)
            return WithProgress(new LogSpectrogramTransformer(options));

        var cache = options.FitCacheMegabytes > 0 ? new SpectrogramFitCache(options.FitCacheMegabytes) : null;
        var progress = Progress is { } p ? new ProgressThrottle(p, $"{options.OutputColumnName} (dataset moments)", input.GetRowCount()) : null;
        (options.ChannelMeans, options.ChannelStds) = LearnMoments(input, source, options, cache, progress);
        var transformer = new LogSpectrogramTransformer(options);
        if (cache != null && cache.Count > 0) transformer.KeepFitCache(cache);
        return WithProgress(transformer);
    }

    // One pass over the training audio, a batch of rows at a time spread over the cores. Each row's
    // sums are kept by row and added in row order, so the moments do not depend on scheduling.
    private static (float[] Means, float[] Stds) LearnMoments(IDataView input, DataViewSchema.Column source, LogSpectrogramOptions options, SpectrogramFitCache? cache, ProgressThrottle? progress)
    {
        var raw = TransformFactory.Clone(options);
        raw.Standardization = SpectrogramStandardization.None;
        var shape = SpectrogramComputer.ShapeOf(raw);
        int channels = shape[0], f = shape[1], t = shape[2];
        var rows = new ParallelRows<MomentWorker>(() => new MomentWorker(raw), options.MaxThreads);
        int batchSize = Math.Max(options.BatchSize, 4 * rows.MaxThreads);
        var batch = new List<FeaturizerInput>(batchSize);
        var rowSums = new double[batchSize, 2 * channels + 1];
        var sum = new double[channels];
        var sumSq = new double[channels];
        double count = 0;

        void Flush()
        {
            Array.Clear(rowSums);
            rows.Run(batch.Count, (i, worker) =>
            {
                var buffer = worker.Buffer;
                Array.Clear(buffer);
                if (!worker.Spectrogram.TryLoad(batch[i], out var samples)) return;
                int valid = worker.Spectrogram.Computer.Compute(samples, buffer);
                cache?.Add(batch[i], buffer, f, t, valid);
                for (int c = 0; c < channels; c++)
                    (rowSums[i, 2 * c], rowSums[i, 2 * c + 1]) = SpectrogramComputer.Sums(buffer.AsSpan(c * f * t, f * t), f, t, valid);
                rowSums[i, 2 * channels] = (double)f * valid;
            });
            for (int i = 0; i < batch.Count; i++)
            {
                for (int c = 0; c < channels; c++)
                {
                    sum[c] += rowSums[i, 2 * c];
                    sumSq[c] += rowSums[i, 2 * c + 1];
                }
                count += rowSums[i, 2 * channels];
            }
            progress?.Add(batch.Count);
            batch.Clear();
        }

        using (var cursor = input.GetRowCursor(new[] { source }))
        {
            var getter = cursor.GetGetter<ReadOnlyMemory<char>>(source);
            ReadOnlyMemory<char> value = default;
            while (cursor.MoveNext())
            {
                getter(ref value);
                batch.Add(new FeaturizerInput(value.ToString(), cursor.Position));
                if (batch.Count == batchSize) Flush();
            }
            Flush();
            progress?.End();
        }
        if (count == 0)
            throw new InvalidOperationException($"Column '{options.InputColumnName}': no row holds audio, so dataset moments cannot be learned.");

        var means = new float[channels];
        var stds = new float[channels];
        for (int c = 0; c < channels; c++)
        {
            double mean = sum[c] / count;
            means[c] = (float)mean;
            stds[c] = (float)Math.Sqrt(Math.Max(sumSq[c] / count - mean * mean, 1e-12));
        }
        return (means, stds);
    }

    private sealed class MomentWorker(LogSpectrogramOptions raw)
    {
        public SpectrogramWorker Spectrogram { get; } = new(raw);
        public float[] Buffer { get; } = new float[SpectrogramComputer.ShapeOf(raw).Aggregate(1, (a, b) => a * b)];
    }
}
