using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// ML.NET's standard multiclass outputs: <c>Score</c> (class probabilities, slot names = class
/// names) and <c>PredictedLabel</c> (a key whose key values are the class names), so ML.NET's
/// evaluators and MapKeyToValue work on MsaMl models.
/// </summary>
public static class ClassificationColumns
{
    public static OutputColumn[] Create(string scoreColumn, string predictedLabelColumn, IReadOnlyList<string> classes)
    {
        var names = new VBuffer<ReadOnlyMemory<char>>(classes.Count, classes.Select(c => c.AsMemory()).ToArray());
        var textVector = new VectorDataViewType(TextDataViewType.Instance, classes.Count);

        var score = new DataViewSchema.Annotations.Builder();
        score.Add("SlotNames", textVector, (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));
        score.Add("ScoreColumnKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "MulticlassClassification".AsMemory());
        score.Add("ScoreValueKind", TextDataViewType.Instance, (ref ReadOnlyMemory<char> v) => v = "Score".AsMemory());
        var key = new DataViewSchema.Annotations.Builder();
        key.Add("KeyValues", textVector, (ref VBuffer<ReadOnlyMemory<char>> v) => names.CopyTo(ref v));

        return new[]
        {
            new OutputColumn(scoreColumn, new VectorDataViewType(NumberDataViewType.Single, classes.Count), score.ToAnnotations()),
            new OutputColumn(predictedLabelColumn, new KeyDataViewType(typeof(uint), classes.Count), key.ToAnnotations()),
        };
    }

    /// <summary>
    /// The text values of a vector annotation such as "SlotNames" (class names of a Score column)
    /// or "KeyValues" (of a key column); null when the column has no such annotation.
    /// </summary>
    public static string[]? ReadTextAnnotation(DataViewSchema.Column column, string kind)
    {
        if (column.Annotations.Schema.GetColumnOrNull(kind)?.Type is not VectorDataViewType { ItemType: TextDataViewType }) return null;
        VBuffer<ReadOnlyMemory<char>> values = default;
        column.Annotations.GetValue(kind, ref values);
        return values.DenseValues().Select(v => v.ToString()).ToArray();
    }

    /// <summary>1-based key of the largest score (ties go to the first class).</summary>
    public static uint PredictedKey(ReadOnlySpan<float> scores)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return (uint)best + 1;
    }

    /// <summary>Getters for a Score and PredictedLabel pair over a score buffer filled by <paramref name="compute"/>: output 0 is Score, 1 PredictedLabel.</summary>
    public static Delegate Getter(int output, float[] scores, Action compute) =>
        output == 0 ? ScoreGetter(scores, compute) : PredictedLabelGetter(scores, compute);

    /// <summary>The getter of a Score column (the class probabilities) over a score buffer filled by <paramref name="compute"/>.</summary>
    public static ValueGetter<VBuffer<float>> ScoreGetter(float[] scores, Action compute) => (ref VBuffer<float> value) =>
    {
        compute();
        var editor = VBufferEditor.Create(ref value, scores.Length);
        scores.CopyTo(editor.Values);
        value = editor.Commit();
    };

    /// <summary>The getter of a PredictedLabel column (1-based key of the best class) over a score buffer filled by <paramref name="compute"/>.</summary>
    public static ValueGetter<uint> PredictedLabelGetter(float[] scores, Action compute) => (ref uint value) =>
    {
        compute();
        value = PredictedKey(scores);
    };
}
