using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>Schema checks that fail with the column name, the expected and the actual type.</summary>
public static class SchemaChecks
{
    public static DataViewSchema.Column RequireText(DataViewSchema schema, string columnName, string role)
    {
        var column = schema.GetColumnOrNull(columnName)
            ?? throw new ArgumentOutOfRangeException(nameof(columnName),
                $"{role} column '{columnName}' not found in the input schema; available columns: {Describe(schema)}.");
        if (column.Type is not TextDataViewType)
            throw new ArgumentOutOfRangeException(nameof(columnName),
                $"{role} column '{columnName}': expected type String (Text), found {column.Type}.");
        return column;
    }

    public static void RequireText(SchemaShape shape, string columnName, string role)
    {
        var found = shape.Where(c => c.Name == columnName).Select(c => (SchemaShape.Column?)c).LastOrDefault();
        if (found is not { } column)
            throw new ArgumentOutOfRangeException(nameof(columnName),
                $"{role} column '{columnName}' not found in the input schema; available columns: {string.Join(", ", shape.Select(c => c.Name))}.");
        if (column.Kind != SchemaShape.Column.VectorKind.Scalar || column.ItemType is not TextDataViewType)
            throw new ArgumentOutOfRangeException(nameof(columnName),
                $"{role} column '{columnName}': expected type String (Text), found {Describe(column)}.");
    }

    public static string Describe(SchemaShape.Column column) => column.Kind switch
    {
        SchemaShape.Column.VectorKind.Scalar => column.ItemType.ToString() ?? "?",
        SchemaShape.Column.VectorKind.Vector => $"Vector<{column.ItemType}>",
        _ => $"VarVector<{column.ItemType}>",
    };

    private static string Describe(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name));

    private static readonly Func<DataViewSchema, SchemaShape> CreateShape = BindCreateShape();

    /// <summary>
    /// <see cref="SchemaShape"/> of a schema. ML.NET keeps <c>SchemaShape.Create</c> and the
    /// column constructor internal (dotnet/machinelearning#4911), so third-party estimators reach
    /// it by reflection; this is the only such use in MsaMl.
    /// </summary>
    internal static SchemaShape ShapeOf(DataViewSchema schema) => CreateShape(schema);

    private static Func<DataViewSchema, SchemaShape> BindCreateShape()
    {
        var method = typeof(SchemaShape).GetMethod("Create",
            System.Reflection.BindingFlags.Static | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.NonPublic,
            new[] { typeof(DataViewSchema) })
            ?? throw new MissingMethodException("Microsoft.ML.SchemaShape.Create(DataViewSchema) was not found in this ML.NET version.");
        return method.CreateDelegate<Func<DataViewSchema, SchemaShape>>();
    }

    /// <summary>
    /// <paramref name="input"/> with <paramref name="columns"/> added (a column of the same name is
    /// replaced), keeping the input columns' annotations, such as a key column's values, which a
    /// round trip through <see cref="ToSchema"/> loses.
    /// </summary>
    public static SchemaShape Append(SchemaShape input, IEnumerable<(string Name, DataViewType Type, DataViewSchema.Annotations? Annotations)> columns)
    {
        var builder = new DataViewSchema.Builder();
        var added = columns.ToList();
        foreach (var (name, type, annotations) in added) builder.AddColumn(name, type, annotations);
        var shapes = ShapeOf(builder.ToSchema());
        var names = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(input.Where(c => !names.Contains(c.Name)).Concat(shapes));
    }

    /// <summary>
    /// Turns a <see cref="SchemaShape"/> into a schema with the same column names, kinds and item
    /// types. <see cref="SchemaShape.Column"/>'s constructor is internal, so estimators build their
    /// output shape from a schema and <c>SchemaShape.Create</c>.
    /// </summary>
    public static DataViewSchema ToSchema(SchemaShape shape)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var column in shape)
        {
            // A shape forgets key counts; any count keeps the column a key for downstream checks.
            DataViewType item = column.IsKey ? new KeyDataViewType(column.ItemType.RawType, int.MaxValue) : column.ItemType;
            DataViewType type = column.Kind switch
            {
                SchemaShape.Column.VectorKind.Scalar => item,
                SchemaShape.Column.VectorKind.Vector => new VectorDataViewType((PrimitiveDataViewType)item, 1),
                _ => new VectorDataViewType((PrimitiveDataViewType)item),
            };
            builder.AddColumn(column.Name, type);
        }
        return builder.ToSchema();
    }
}
