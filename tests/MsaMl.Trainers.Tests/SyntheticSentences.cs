using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Trainers.Tests;

/// <summary>
/// Token-id rows of a synthetic text task: [CLS] = 1, 3 to 9 filler words (ids 20-199) with one
/// class word put among them (ids 5-9 for "pos", 10-14 for "neg"), [SEP] = 2, padding 0. Only the
/// class word decides the label.
/// </summary>
public sealed class SyntheticSentence
{
    public const int MaxTokens = 16;
    public const int VocabularySize = 200;

    public string Label { get; set; } = "";

    /// <summary>+1 for "pos", -1 for "neg" (a regression target).</summary>
    public float Valence { get; set; }

    [VectorType(MaxTokens)]
    public float[] TextTokenIds { get; set; } = Array.Empty<float>();

    public static SyntheticSentence[] Make(int rows, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, rows).Select(i =>
        {
            bool positive = i % 2 == 0;
            var words = Enumerable.Range(0, random.Next(3, 10)).Select(_ => random.Next(20, VocabularySize)).ToList();
            words.Insert(random.Next(words.Count + 1), positive ? random.Next(5, 10) : random.Next(10, 15));
            var ids = new float[MaxTokens];
            ids[0] = 1;
            for (int t = 0; t < words.Count; t++) ids[t + 1] = words[t];
            ids[words.Count + 1] = 2;
            return new SyntheticSentence { Label = positive ? "pos" : "neg", Valence = positive ? 1 : -1, TextTokenIds = ids };
        }).ToArray();
    }

    /// <summary>The rows with the label mapped to a key (pos, neg).</summary>
    public static IDataView Load(MLContext ml, SyntheticSentence[] rows) =>
        ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(Make(2, 0))).Transform(ml.Data.LoadFromEnumerable(rows));
}
