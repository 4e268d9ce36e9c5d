namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// Reads one float initializer (a weight tensor) out of an ONNX model file, walking just the
/// protobuf fields on the way: ModelProto.graph (7) -> GraphProto.initializer (5) -> TensorProto
/// dims (1), data_type (2), float_data (4), name (8), raw_data (9), data_location (14).
/// TO FOLD: kept private to <see cref="WordEmbeddingOptions"/>'s initialization until the full ONNX
/// reader (src/Trainers/Pretrained) lands; then this file goes and the caller uses that reader.
/// </summary>
internal static class OnnxInitializerReader
{
    private const int FloatType = 1;

    /// <summary>An initializer's name, shape and values.</summary>
    internal sealed record Initializer(string Name, long[] Dims, float[] Values);

    /// <summary>
    /// The float initializer named <paramref name="name"/>, or, when <paramref name="name"/> is null,
    /// the only one whose name ends with <paramref name="nameSuffix"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not an ONNX model, or has no (or several) such initializers, or stores it outside the file.</exception>
    public static Initializer Read(string path, string? name, string nameSuffix)
    {
        byte[] model = File.ReadAllBytes(path);
        var found = new List<Initializer>();
        var names = new List<string>();
        foreach (var (field, graph) in LengthDelimited(model, 0, model.Length, path))
        {
            if (field != 7) continue;
            foreach (var (graphField, tensor) in LengthDelimited(model, graph.Start, graph.End, path))
            {
                if (graphField != 5) continue;
                string tensorName = NameOf(model, tensor, path);
                names.Add(tensorName);
                if (name != null ? tensorName == name : tensorName.EndsWith(nameSuffix, StringComparison.Ordinal))
                    found.Add(ReadTensor(model, tensor, tensorName, path));
            }
        }
        string wanted = name != null ? $"named '{name}'" : $"whose name ends with '{nameSuffix}'";
        if (names.Count == 0) throw new InvalidDataException($"{path}: not an ONNX model with initializers (no ModelProto.graph.initializer found).");
        return found.Count switch
        {
            1 => found[0],
            0 => throw new InvalidDataException($"{path}: no initializer {wanted}; the model has {names.Count}, e.g. {string.Join(", ", names.Take(8))}."),
            _ => throw new InvalidDataException($"{path}: {found.Count} initializers {wanted} ({string.Join(", ", found.Select(f => f.Name))}); name one."),
        };
    }

    private readonly record struct Span(int Start, int End);

    private static string NameOf(byte[] model, Span tensor, string path)
    {
        foreach (var (field, value) in LengthDelimited(model, tensor.Start, tensor.End, path))
            if (field == 8) return System.Text.Encoding.UTF8.GetString(model, value.Start, value.End - value.Start);
        return "";
    }

    private static Initializer ReadTensor(byte[] model, Span tensor, string name, string path)
    {
        var dims = new List<long>();
        long dataType = 0, location = 0;
        float[]? values = null;
        int position = tensor.Start;
        while (position < tensor.End)
        {
            ulong key = Varint(model, ref position, tensor.End, path);
            int field = (int)(key >> 3), wire = (int)(key & 7);
            if (wire == 0)
            {
                ulong value = Varint(model, ref position, tensor.End, path);
                if (field == 1) dims.Add((long)value);
                else if (field == 2) dataType = (long)value;
                else if (field == 14) location = (long)value;
                continue;
            }
            var span = Skip(model, ref position, tensor.End, wire, path);
            if (wire != 2) continue;
            if (field == 1)
                for (int p = span.Start; p < span.End;) dims.Add((long)Varint(model, ref p, span.End, path));
            else if (field is 4 or 9)
                values = Floats(model, span);
        }
        if (dataType != FloatType) throw new InvalidDataException($"{path}: initializer '{name}' has ONNX data type {dataType}; expected 1 (float).");
        if (location != 0) throw new InvalidDataException($"{path}: initializer '{name}' is stored in an external file; expected it inside the model.");
        long count = dims.Aggregate(1L, (a, b) => a * b);
        if (values == null || values.Length != count)
            throw new InvalidDataException($"{path}: initializer '{name}' of shape [{string.Join(", ", dims)}] holds {values?.Length ?? 0} floats; expected {count}.");
        return new Initializer(name, dims.ToArray(), values);
    }

    private static float[] Floats(byte[] model, Span span)
    {
        var values = new float[(span.End - span.Start) / 4];
        for (int i = 0; i < values.Length; i++)
            values[i] = BitConverter.ToSingle(model, span.Start + 4 * i); // ONNX stores little-endian; so does every platform .NET runs MsaMl on
        return values;
    }

    private static IEnumerable<(int Field, Span Value)> LengthDelimited(byte[] model, int start, int end, string path)
    {
        int position = start;
        while (position < end)
        {
            ulong key = Varint(model, ref position, end, path);
            var span = Skip(model, ref position, end, (int)(key & 7), path);
            if ((key & 7) == 2) yield return ((int)(key >> 3), span);
        }
    }

    private static Span Skip(byte[] model, ref int position, int end, int wire, string path)
    {
        int start = position;
        switch (wire)
        {
            case 0: Varint(model, ref position, end, path); break;
            case 1: position += 8; break;
            case 5: position += 4; break;
            case 2:
                ulong length = Varint(model, ref position, end, path);
                if (length > (ulong)(end - position)) throw Broken(path, position);
                start = position;
                position += (int)length;
                break;
            default: throw Broken(path, position);
        }
        if (position > end) throw Broken(path, position);
        return new Span(start, position);
    }

    private static ulong Varint(byte[] model, ref int position, int end, string path)
    {
        ulong value = 0;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if (position >= end) throw Broken(path, position);
            byte b = model[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value;
        }
        throw Broken(path, position);
    }

    private static InvalidDataException Broken(string path, int position) =>
        new($"{path}: not a readable ONNX (protobuf) file: the encoding breaks off at byte {position}.");
}
