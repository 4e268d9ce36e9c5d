using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>
/// Turns two-class multiclass output into the columns ML.NET's binary evaluator expects: a Boolean
/// label (label == positive class), a Single score (P(positive) − P(negative), so ML.NET's default
/// raw-score threshold of 0 picks the class with the larger probability), a Single probability
/// (P(positive)) and a Boolean predicted label. The columns are read with a cursor and loaded back
/// with <see cref="DataOperationsCatalog.LoadFromEnumerable{TRow}(IEnumerable{TRow}, SchemaDefinition)"/>.
/// </summary>
internal static class BinaryViewOfMulticlass
{
    public sealed class Row
    {
        public bool Label { get; set; }
        public float Score { get; set; }
        public float Probability { get; set; }
        public bool PredictedLabel { get; set; }
    }

    /// <summary>The binary rows; rows with a missing label (key 0 or NaN) are left out, as the evaluators do.</summary>
    public static List<Row> ReadRows(IDataView data, string labelColumnName, string scoreColumnName, int positiveIndex)
    {
        var label = data.Schema[labelColumnName];
        var score = data.Schema[scoreColumnName];
        var rows = new List<Row>();
        using var cursor = data.GetRowCursor(new[] { label, score });
        var labelIndex = LabelIndexGetter(cursor, label);
        var scoreGetter = cursor.GetGetter<VBuffer<float>>(score);
        var scores = default(VBuffer<float>);
        int negativeIndex = 1 - positiveIndex;
        while (cursor.MoveNext())
        {
            int actual = labelIndex();
            if (actual < 0)
                continue;
            scoreGetter(ref scores);
            float positive = scores.GetItemOrDefault(positiveIndex);
            float negative = scores.GetItemOrDefault(negativeIndex);
            rows.Add(new Row
            {
                Label = actual == positiveIndex,
                Score = positive - negative,
                Probability = Math.Clamp(positive, 0f, 1f),
                PredictedLabel = positive > negative,
            });
        }
        return rows;
    }

    /// <summary>A getter of the 0-based class index of the label, −1 when missing: keys are 1-based (0 = missing), Single labels are the index itself.</summary>
    private static Func<int> LabelIndexGetter(DataViewRowCursor cursor, DataViewSchema.Column label)
    {
        switch (label.Type)
        {
            case KeyDataViewType:
            {
                var getter = cursor.GetGetter<uint>(label);
                uint key = 0;
                return () => { getter(ref key); return key == 0 ? -1 : (int)(key - 1); };
            }
            case NumberDataViewType when label.Type.RawType == typeof(float):
            {
                var getter = cursor.GetGetter<float>(label);
                float value = 0;
                return () => { getter(ref value); return float.IsNaN(value) ? -1 : (int)value; };
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(label), $"Label column '{label.Name}' is {label.Type}; expected a key or Single.");
        }
    }
}
