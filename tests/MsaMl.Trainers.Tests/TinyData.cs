using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Tests;

/// <summary>The modalities of a <see cref="TinyRow"/> that carry the class signal.</summary>
[Flags]
public enum SignalIn { None = 0, Audio = 1, Image = 2, Text = 4, All = Audio | Image | Text }

/// <summary>Tiny synthetic multimodal rows whose class shows in every modality, or only in the chosen ones.</summary>
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

    public static TinyRow[] Make(int rows, int classes, int seed) => Make(rows, classes, seed, SignalIn.All);

    /// <summary>Rows whose class shows only in <paramref name="signal"/>; the other modalities are noise.</summary>
    public static TinyRow[] Make(int rows, int classes, int seed, SignalIn signal)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            int c = i % classes;
            float[] Noise(int n, int hot, SignalIn modality) => Enumerable.Range(0, n)
                .Select(k => (float)(random.NextDouble() - 0.5) + (signal.HasFlag(modality) && k % classes == hot ? 1.5f : 0f)).ToArray();
            return new TinyRow
            {
                Label = "class" + c,
                IsPositive = c == 1,
                Spectrogram = Noise(3 * 16 * 24, c, SignalIn.Audio),
                ImageTensor = Noise(3 * 16 * 16, c, SignalIn.Image),
                TextTokens = Noise(32, c, SignalIn.Text),
            };
        }).ToArray();
    }

    /// <summary>The rows with the label mapped to a key, ready for a trainer.</summary>
    public static IDataView Load(MLContext ml, TinyRow[] rows) =>
        ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
}
