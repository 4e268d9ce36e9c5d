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
        names = column is { } c ? MsaMl.Transforms.Core.ClassificationColumns.ReadTextAnnotation(c, kind) ?? Array.Empty<string>() : Array.Empty<string>();
        return names.Length == count;
    }
}
