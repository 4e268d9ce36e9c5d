using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Pipelines.Persistence;

/// <summary>Writes and reads the input-schema description of a bundle.</summary>
internal static partial class BundleSchema
{
    public static List<BundleColumn> Describe(DataViewSchema schema) =>
        schema.Where(c => !c.IsHidden).Select(c => new BundleColumn(c.Name, Describe(c.Type))).ToList();

    private static string Describe(DataViewType type) => type switch
    {
        VectorDataViewType v => $"Vector<{Describe(v.ItemType)},{string.Join(",", v.Dimensions.ToArray())}>",
        KeyDataViewType k => $"Key<{k.RawType.Name},{k.Count}>",
        _ => type.RawType.Name,
    };

    /// <exception cref="InvalidDataException">A column's type is not one a bundle saves; the message starts with <paramref name="path"/>.</exception>
    public static DataViewSchema Build(IEnumerable<BundleColumn> columns, string path)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns)
        {
            try
            {
                builder.AddColumn(column.Name, Parse(column.Type, column.Name));
            }
            catch (InvalidDataException ex)
            {
                throw new InvalidDataException($"{path}: {ex.Message}", ex);
            }
        }
        return builder.ToSchema();
    }

    private static DataViewType Parse(string text, string column)
    {
        var vector = VectorPattern().Match(text);
        if (vector.Success)
        {
            if (Parse(vector.Groups[1].Value, column) is not PrimitiveDataViewType item) throw Unsupported(text, column);
            var dims = vector.Groups[2].Value.Split(',').Select(d => int.TryParse(d, out int n) && n >= 0 ? n : throw Unsupported(text, column)).ToArray();
            if (dims.Aggregate(1.0, (a, d) => a * Math.Max(d, 1)) > Array.MaxLength) throw Unsupported(text, column);
            return new VectorDataViewType(item, dims);
        }
        var key = KeyPattern().Match(text);
        if (key.Success)
            return ulong.TryParse(key.Groups[2].Value, out ulong count) && count is > 0 and <= uint.MaxValue
                ? new KeyDataViewType(typeof(uint), count) : throw Unsupported(text, column);
        return text switch
        {
            "ReadOnlyMemory`1" => TextDataViewType.Instance,
            "Single" => NumberDataViewType.Single,
            "Double" => NumberDataViewType.Double,
            "Int32" => NumberDataViewType.Int32,
            "Int64" => NumberDataViewType.Int64,
            "UInt32" => NumberDataViewType.UInt32,
            "Boolean" => BooleanDataViewType.Instance,
            _ => throw Unsupported(text, column),
        };
    }

    private static InvalidDataException Unsupported(string text, string column) =>
        new($"input column '{column}' has an unsupported type '{text}'; expected a type such as String, Single, Vector<Single,3,64,64> or Key<UInt32,4>.");

    [GeneratedRegex(@"^Vector<(.+?),([\d,]+)>$")]
    private static partial Regex VectorPattern();

    [GeneratedRegex(@"^Key<(\w+),(\d+)>$")]
    private static partial Regex KeyPattern();
}
