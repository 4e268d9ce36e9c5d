using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Evaluation;

/// <summary>Reads class names from a schema: the Score column's slot names, else the label's key values, else "0", "1", ...</summary>
internal static class ClassNames
{
    public static string[] Of(DataViewSchema schema, string scoreColumnName, string labelColumnName, int classCount)
    {
        if (TryReadTextAnnotation(schema.GetColumnOrNull(scoreColumnName), "SlotNames", classCount, out var names)
            || TryReadTextAnnotation(schema.GetColumnOrNull(labelColumnName), "KeyValues", classCount, out names))
            return names;
        return Enumerable.Range(0, classCount).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    }

    private static bool TryReadTextAnnotation(DataViewSchema.Column? column, string kind, int count, out string[] names)
    {
        names = Array.Empty<string>();
        if (column is not { } c || c.Annotations.Schema.GetColumnOrNull(kind)?.Type is not VectorDataViewType { ItemType: TextDataViewType } type || type.Size != count)
            return false;
        var values = default(VBuffer<ReadOnlyMemory<char>>);
        c.Annotations.GetValue(kind, ref values);
        names = values.DenseValues().Select(v => v.ToString()).ToArray();
        return names.Length == count;
    }
}
