using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Audio;
using MsaMl.Transforms.Image;
using MsaMl.Transforms.Text;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// Simple per-row features of the demo corpus for the modality check: mean-pooled MiniLM text
/// vectors, time-pooled log-mel statistics and raw image pixels.
/// </summary>
internal static class DemoCorpusFeatures
{
    public const int MelBands = 40;
    public const int TimeFrames = 200;

    public static float[][] TextEmbeddings(MLContext ml, IDataView data)
    {
        var options = new BertEmbeddingOptions { TokenEmbeddingsColumnName = null, SentenceEmbeddingColumnName = "TextEmbedding" };
        return ReadVectors(ml.Msa().Transforms.BertEmbedding(options).Fit(data).Transform(data), "TextEmbedding");
    }

    /// <summary>
    /// Mean and standard deviation over the speech frames (padding excluded) of each mel band. Without
    /// delta channels: their time means are about zero, and 160 more features mostly make a
    /// logistic regression on 168 utterances overfit.
    /// </summary>
    public static float[][] PooledSpectrogram(MLContext ml, IDataView data)
    {
        var options = new LogSpectrogramOptions { MelBands = MelBands, TimeFrames = TimeFrames, Deltas = false, OutputColumnName = "Spectrogram" };
        var spectrograms = ReadVectors(ml.Msa().Transforms.LogSpectrogram(options).Fit(data).Transform(data), "Spectrogram");
        return spectrograms.Select(PoolOverTime).ToArray();
    }

    public static float[][] Pixels(MLContext ml, IDataView data) =>
        ReadVectors(ml.Msa().Transforms.ImageTensor(new ImageTensorOptions { OutputColumnName = "Pixels" }).Fit(data).Transform(data), "Pixels");

    public static float[][] ResNetFeatures(MLContext ml, IDataView data) =>
        ReadVectors(ml.Msa().Transforms.PretrainedImageFeatures(new PretrainedImageFeaturesOptions()).Fit(data).Transform(data), "ImageFeatures");

    private static float[] PoolOverTime(float[] spectrogram)
    {
        int channels = spectrogram.Length / (MelBands * TimeFrames);
        // frames past the end of the utterance are zero padding in every band
        var valid = Enumerable.Range(0, TimeFrames)
            .Where(t => Enumerable.Range(0, MelBands).Any(b => spectrogram[b * TimeFrames + t] != 0f)).ToArray();
        var pooled = new float[channels * MelBands * 2];
        for (int c = 0; c < channels; c++)
        for (int b = 0; b < MelBands; b++)
        {
            int offset = (c * MelBands + b) * TimeFrames;
            double mean = valid.Average(t => (double)spectrogram[offset + t]);
            double variance = valid.Average(t => Math.Pow(spectrogram[offset + t] - mean, 2));
            pooled[(c * MelBands + b) * 2] = (float)mean;
            pooled[(c * MelBands + b) * 2 + 1] = (float)Math.Sqrt(variance);
        }
        return pooled;
    }

    private static float[][] ReadVectors(IDataView data, string column)
    {
        var col = data.Schema[column];
        var rows = new List<float[]>();
        using var cursor = data.GetRowCursor(new[] { col });
        var getter = cursor.GetGetter<VBuffer<float>>(col);
        VBuffer<float> value = default;
        while (cursor.MoveNext())
        {
            getter(ref value);
            rows.Add(value.DenseValues().ToArray());
        }
        return rows.ToArray();
    }
}
