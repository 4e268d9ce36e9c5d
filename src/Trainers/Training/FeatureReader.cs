using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Trainers.Training;

/// <summary>Reads float-vector feature columns and a key label column from an <see cref="IDataView"/> into memory.</summary>
public static class FeatureReader
{
    /// <summary>The label column's key count and class names (its key values, or "1".."n").</summary>
    public static string[] ClassNames(DataViewSchema schema, string labelColumn)
    {
        var column = schema.GetColumnOrNull(labelColumn)
            ?? throw new ArgumentOutOfRangeException(nameof(labelColumn), $"Label column '{labelColumn}' not found; available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type is not KeyDataViewType key || key.RawType != typeof(uint))
            throw new ArgumentOutOfRangeException(nameof(labelColumn),
                $"Label column '{labelColumn}': expected a key type (UInt32 key; use mlContext.Transforms.Conversion.MapValueToKey), found {column.Type}.");
        int count = checked((int)key.Count);
        if (count < 2) throw new ArgumentOutOfRangeException(nameof(labelColumn), $"Label column '{labelColumn}' has {count} class(es); at least 2 are needed.");

        return ClassificationColumns.ReadTextAnnotation(column, "KeyValues") ?? Enumerable.Range(1, count).Select(i => i.ToString()).ToArray();
    }

    /// <summary>Checks that a regression label column exists and is Single.</summary>
    public static void RequireRegressionLabel(DataViewSchema schema, string labelColumn)
    {
        var column = schema.GetColumnOrNull(labelColumn)
            ?? throw new ArgumentOutOfRangeException(nameof(labelColumn), $"Label column '{labelColumn}' not found; available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type != NumberDataViewType.Single)
            throw new ArgumentOutOfRangeException(nameof(labelColumn),
                $"Label column '{labelColumn}': a regression model expects Single, found {column.Type} (convert with mlContext.Transforms.Conversion.ConvertType).");
    }

    /// <summary>Per-row shape of a float-vector column: its shape annotation, its dimensions, or [size].</summary>
    public static int[] RowShape(DataViewSchema schema, string columnName)
    {
        var column = schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentOutOfRangeException(nameof(columnName), $"Feature column '{columnName}' not found; available columns: {string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name))}.");
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType n } vector || n != NumberDataViewType.Single || !vector.IsKnownSize)
            throw new ArgumentOutOfRangeException(nameof(columnName), $"Feature column '{columnName}': expected a known-size vector of Single, found {column.Type}.");
        return FeatureColumn.ReadShape(column)
            ?? (vector.Dimensions.Length > 1 ? vector.Dimensions.ToArray() : new[] { vector.Size });
    }

    /// <summary>
    /// Reads the feature columns and, when <paramref name="labelColumn"/> is given, the 0-based labels
    /// (a key column) or, with <paramref name="regression"/>, the Single targets.
    /// </summary>
    public static TensorTable Read(IDataView data, IReadOnlyList<string> featureColumns, string? labelColumn, bool regression = false)
    {
        var schema = data.Schema;
        var shapes = featureColumns.Select(c => RowShape(schema, c)).ToArray();
        var columns = featureColumns.Select(c => schema[c]).ToList();
        DataViewSchema.Column? label = null;
        if (labelColumn != null)
        {
            if (regression) RequireRegressionLabel(schema, labelColumn);
            else ClassNames(schema, labelColumn);
            label = schema[labelColumn];
            columns.Add(label.Value);
        }

        long? knownRows = data.GetRowCount();
        var values = shapes.Select(shape => new RowStore(shape.Aggregate(1, (a, b) => a * b), knownRows)).ToArray();
        var labels = new List<int>();
        var targets = new List<float>();
        using var cursor = data.GetRowCursor(columns);
        var getters = featureColumns.Select(c => cursor.GetGetter<VBuffer<float>>(schema[c])).ToArray();
        var labelGetter = label != null && !regression ? cursor.GetGetter<uint>(label.Value) : null;
        var targetGetter = label != null && regression ? cursor.GetGetter<float>(label.Value) : null;
        float target = 0;
        VBuffer<float> buffer = default;
        uint key = 0;
        int rows = 0;
        while (cursor.MoveNext())
        {
            for (int i = 0; i < getters.Length; i++)
            {
                getters[i](ref buffer);
                values[i].Append(buffer);
            }
            if (labelGetter != null)
            {
                labelGetter(ref key);
                if (key == 0) throw new InvalidDataException($"Label column '{labelColumn}', row {cursor.Position}: missing label (key 0). Filter such rows out before training.");
                labels.Add((int)key - 1);
            }
            if (targetGetter != null)
            {
                targetGetter(ref target);
                if (!float.IsFinite(target)) throw new InvalidDataException($"Label column '{labelColumn}', row {cursor.Position}: the target is {target}. Filter such rows out before training.");
                targets.Add(target);
            }
            rows++;
        }
        var inputs = featureColumns.Select((c, i) => new FeatureInput(c, values[i].ToArray(), shapes[i])).ToList();
        return new TensorTable(inputs, labels.ToArray(), rows, targetGetter != null ? targets.ToArray() : null);
    }
}
