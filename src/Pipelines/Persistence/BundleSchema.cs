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

    public static DataViewSchema Build(IEnumerable<BundleColumn> columns)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in columns) builder.AddColumn(column.Name, Parse(column.Type, column.Name));
        return builder.ToSchema();
    }

    private static DataViewType Parse(string text, string column)
    {
        var vector = VectorPattern().Match(text);
        if (vector.Success)
        {
            var item = (PrimitiveDataViewType)Parse(vector.Groups[1].Value, column);
            var dims = vector.Groups[2].Value.Split(',').Select(int.Parse).ToArray();
            return new VectorDataViewType(item, dims);
        }
        var key = KeyPattern().Match(text);
        if (key.Success) return new KeyDataViewType(typeof(uint), ulong.Parse(key.Groups[2].Value));
        return text switch
        {
            "ReadOnlyMemory`1" => TextDataViewType.Instance,
            "Single" => NumberDataViewType.Single,
            "Double" => NumberDataViewType.Double,
            "Int32" => NumberDataViewType.Int32,
            "Int64" => NumberDataViewType.Int64,
            "UInt32" => NumberDataViewType.UInt32,
            "Boolean" => BooleanDataViewType.Instance,
            _ => throw new InvalidDataException($"Model bundle: input column '{column}' has an unsupported type '{text}'."),
        };
    }

    [GeneratedRegex(@"^Vector<(.+?),([\d,]+)>$")]
    private static partial Regex VectorPattern();

    [GeneratedRegex(@"^Key<(\w+),(\d+)>$")]
    private static partial Regex KeyPattern();
}
