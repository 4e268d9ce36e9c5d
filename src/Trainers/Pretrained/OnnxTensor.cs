using System.Runtime.InteropServices;

namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// One TensorProto (an initializer or a Constant node's value). Its data is either the raw
/// little-endian bytes or the typed field, already checked against the element count by
/// <see cref="OnnxModelReader"/>.
/// </summary>
internal sealed class OnnxTensor(string name, long[] dims, OnnxDataType dataType, ReadOnlyMemory<byte> raw, IReadOnlyList<float> floatData, IReadOnlyList<long> integerData)
{
    public string Name { get; } = name;

    public long[] Dims { get; } = dims;

    public OnnxDataType DataType { get; } = dataType;

    /// <summary>raw_data, empty when the typed field holds the values.</summary>
    public ReadOnlyMemory<byte> Raw { get; } = raw;

    public IReadOnlyList<float> FloatData { get; } = floatData;

    /// <summary>int64_data or int32_data, whichever the data type uses.</summary>
    public IReadOnlyList<long> IntegerData { get; } = integerData;

    public long ElementCount => Dims.Aggregate(1L, (product, d) => product * d);

    public string Shape => "[" + string.Join(", ", Dims) + "]";

    /// <summary>The bytes one element takes in raw_data, or 0 for a type without a fixed size.</summary>
    public static int ElementSize(OnnxDataType type) => type switch
    {
        OnnxDataType.Float or OnnxDataType.Int32 or OnnxDataType.UInt32 => 4,
        OnnxDataType.Int64 or OnnxDataType.UInt64 or OnnxDataType.Double => 8,
        OnnxDataType.UInt8 or OnnxDataType.Int8 or OnnxDataType.Bool => 1,
        OnnxDataType.UInt16 or OnnxDataType.Int16 or OnnxDataType.Float16 or OnnxDataType.BFloat16 => 2,
        _ => 0,
    };

    public float[] ToFloats()
    {
        if (DataType != OnnxDataType.Float) throw new InvalidDataException($"tensor '{Name}': expected float32 data, found {DataType}.");
        return Raw.Length > 0 ? MemoryMarshal.Cast<byte, float>(Raw.Span).ToArray() : FloatData.ToArray();
    }

    public long[] ToInt64s()
    {
        if (DataType is not (OnnxDataType.Int64 or OnnxDataType.Int32))
            throw new InvalidDataException($"tensor '{Name}': expected integer data, found {DataType}.");
        if (Raw.Length == 0) return IntegerData.ToArray();
        return DataType == OnnxDataType.Int64
            ? MemoryMarshal.Cast<byte, long>(Raw.Span).ToArray()
            : MemoryMarshal.Cast<byte, int>(Raw.Span).ToArray().Select(v => (long)v).ToArray();
    }
}
