using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Tests;

/// <summary>Tiny synthetic multimodal rows whose class shows in both modalities.</summary>
public sealed class TinyRow
{
    public string Label { get; set; } = "";

    /// <summary>True for "class1": the second key (rows come in class order), the positive class of binary models.</summary>
    public bool IsPositive { get; set; }

    [VectorType(3, 16, 24)]
    public float[] Spectrogram { get; set; } = Array.Empty<float>();

    [VectorType(3, 16, 16)]
    public float[] ImageTensor { get; set; } = Array.Empty<float>();

    [VectorType(4, 8)]
    public float[] TextTokens { get; set; } = Array.Empty<float>();

    public static TinyRow[] Make(int rows, int classes, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            int c = i % classes;
            float[] Noise(int n, int hot) => Enumerable.Range(0, n).Select(k => (float)(random.NextDouble() - 0.5) + (k % classes == hot ? 1.5f : 0f)).ToArray();
            return new TinyRow
            {
                Label = "class" + c,
                IsPositive = c == 1,
                Spectrogram = Noise(3 * 16 * 24, c),
                ImageTensor = Noise(3 * 16 * 16, c),
                TextTokens = Noise(32, c),
            };
        }).ToArray();
    }

    /// <summary>The rows with the label mapped to a key, ready for a trainer.</summary>
    public static IDataView Load(MLContext ml, TinyRow[] rows) =>
        ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
}
