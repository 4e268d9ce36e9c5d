using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Estimator of <see cref="LogSpectrogramTransformer"/>. With
/// <see cref="SpectrogramStandardization.Dataset"/> and no given moments, <see cref="Fit"/> reads
/// the training audio once and learns each channel's mean and standard deviation.
/// </summary>
public sealed class LogSpectrogramEstimator : FeaturizingEstimator<LogSpectrogramTransformer>
{
    private readonly LogSpectrogramOptions _options;

    public LogSpectrogramEstimator(LogSpectrogramOptions options)
        : base(options.InputColumnName, LogSpectrogramTransformer.OutputColumnsOf(options))
    {
        _options = TransformFactory.Clone(options);
    }

    public override LogSpectrogramTransformer Fit(IDataView input)
    {
        var source = SchemaChecks.RequireText(input.Schema, _options.InputColumnName, "Input");
        var options = TransformFactory.Clone(_options);
        if (options.Standardization == SpectrogramStandardization.Dataset && options.ChannelMeans == null)
            (options.ChannelMeans, options.ChannelStds) = LearnMoments(input, source, options);
        return new LogSpectrogramTransformer(options);
    }

    private static (float[] Means, float[] Stds) LearnMoments(IDataView input, DataViewSchema.Column source, LogSpectrogramOptions options)
    {
        var raw = TransformFactory.Clone(options);
        raw.Standardization = SpectrogramStandardization.None;
        var computer = new SpectrogramComputer(raw);
        int channels = computer.Channels, f = computer.FrequencyBins, t = computer.TimeFrames;
        var buffer = new float[channels * f * t];
        var sum = new double[channels];
        var sumSq = new double[channels];
        double count = 0;

        using var cursor = input.GetRowCursor(new[] { source });
        var getter = cursor.GetGetter<ReadOnlyMemory<char>>(source);
        ReadOnlyMemory<char> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            var samples = AudioFiles.LoadSamples(new FeaturizerInput(value.ToString(), cursor.Position), options.InputColumnName, options.BaseFolder, computer);
            if (samples == null) continue;
            Array.Clear(buffer);
            int valid = computer.Compute(samples, buffer);
            for (int c = 0; c < channels; c++)
            {
                var (mean, std) = SpectrogramComputer.Moments(buffer.AsSpan(c * f * t, f * t), f, t, valid);
                double n = (double)f * valid;
                sum[c] += mean * n;
                sumSq[c] += (std * std + mean * mean) * n;
            }
            count += (double)f * valid;
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
}
