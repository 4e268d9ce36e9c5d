using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// An output column of a featurizing transform: a fixed-size float vector whose logical shape
/// (for example [channels, freq, time]) is kept in the column type's dimensions and in the
/// <see cref="ShapeAnnotation"/> / <see cref="LayoutAnnotation"/> annotations.
/// </summary>
public sealed class FeatureColumn
{
    /// <summary>Annotation holding the logical shape as an Int32 vector.</summary>
    public const string ShapeAnnotation = "MsaShape";

    /// <summary>Annotation naming the axes, for example "channels,freq,time".</summary>
    public const string LayoutAnnotation = "MsaLayout";

    public FeatureColumn(string name, string layout, params int[] shape)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("Output column name must not be empty.", nameof(name));
        if (shape.Length == 0 || shape.Any(d => d <= 0))
            throw new ArgumentException($"Column '{name}': every dimension must be positive, got [{string.Join(", ", shape)}].", nameof(shape));
        Name = name;
        Layout = layout;
        Shape = shape;
        long size = 1;
        foreach (int d in shape)
        {
            size *= d;   // at most Array.MaxLength times an int: no overflow
            if (size > Array.MaxLength)
                throw new ArgumentException($"Column '{name}': the shape [{string.Join(", ", shape)}] holds more floats than a vector can ({Array.MaxLength}).", nameof(shape));
        }
        Size = (int)size;
    }

    public string Name { get; }
    public string Layout { get; }
    public IReadOnlyList<int> Shape { get; }

    /// <summary>Number of floats in one row of this column.</summary>
    public int Size { get; }

    public VectorDataViewType Type => new(NumberDataViewType.Single, Shape.ToArray());

    public DataViewSchema.Annotations Annotations
    {
        get
        {
            var builder = new DataViewSchema.Annotations.Builder();
            int[] shape = Shape.ToArray();
            builder.Add(ShapeAnnotation, new VectorDataViewType(NumberDataViewType.Int32, shape.Length),
                (ref VBuffer<int> value) => value = new VBuffer<int>(shape.Length, (int[])shape.Clone()));
            string layout = Layout;
            builder.Add(LayoutAnnotation, TextDataViewType.Instance,
                (ref ReadOnlyMemory<char> value) => value = layout.AsMemory());
            return builder.ToAnnotations();
        }
    }

    /// <summary>Reads the logical shape of a featurized column, or null when it carries none.</summary>
    public static int[]? ReadShape(DataViewSchema.Column column)
    {
        if (column.Annotations.Schema.GetColumnOrNull(ShapeAnnotation) == null) return null;
        VBuffer<int> shape = default;
        column.Annotations.GetValue(ShapeAnnotation, ref shape);
        return shape.DenseValues().ToArray();
    }
}
