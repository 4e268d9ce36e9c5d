using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Tests;

/// <summary>
/// Tiny synthetic rows whose Single target (a sentiment intensity in [-2, 2]) is a function of the
/// inputs: both modalities carry it as the amplitude of a fixed pattern under noise, so a model
/// that learns beats predicting the training mean by far on held-out rows.
/// </summary>
public sealed class IntensityRow
{
    public float Label { get; set; }

    [VectorType(3, 16, 24)]
    public float[] Spectrogram { get; set; } = Array.Empty<float>();

    [VectorType(3, 16, 16)]
    public float[] ImageTensor { get; set; } = Array.Empty<float>();

    [VectorType(4, 8)]
    public float[] TextTokens { get; set; } = Array.Empty<float>();

    public static IntensityRow[] Make(int rows, int seed)
    {
        var random = new Random(seed);
        float[] Pattern(int n) => Enumerable.Range(0, n).Select(k => k % 3 == 0 ? 1f : k % 3 == 1 ? -0.5f : 0f).ToArray();
        float[] audio = Pattern(3 * 16 * 24), image = Pattern(3 * 16 * 16), text = Pattern(32);
        return Enumerable.Range(0, rows).Select(_ =>
        {
            float target = (float)(random.NextDouble() * 4 - 2);
            float[] Carry(float[] pattern) => pattern.Select(p => target * p + (float)(random.NextDouble() - 0.5) * 0.5f).ToArray();
            return new IntensityRow { Label = target, Spectrogram = Carry(audio), ImageTensor = Carry(image), TextTokens = Carry(text) };
        }).ToArray();
    }

    public static IDataView Load(MLContext ml, IntensityRow[] rows) => ml.Data.LoadFromEnumerable(rows);

    /// <summary>The mean absolute error of always predicting the mean of <paramref name="train"/>.</summary>
    public static double MeanPredictorMae(IntensityRow[] train, IntensityRow[] test)
    {
        double mean = train.Average(r => r.Label);
        return test.Average(r => Math.Abs(r.Label - mean));
    }
}
