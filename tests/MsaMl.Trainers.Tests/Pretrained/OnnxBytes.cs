using System.Text;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>Writes tiny ONNX models in the protobuf wire format, for the reader's and matcher's error tests.</summary>
internal static class OnnxBytes
{
    public static byte[] Model(byte[] graph) => Concat(Varint(1, 7), Bytes(7, graph));

    /// <summary>A model ONNX Runtime can run: IR version 8, default-domain opset <paramref name="opset"/>.</summary>
    public static byte[] RunnableModel(byte[] graph, int opset) => Concat(Varint(1, 8), Bytes(7, graph), Bytes(8, Varint(2, (ulong)opset)));

    /// <summary>A graph whose inputs and outputs carry types: (name, element type, dims; 0 = a named free dimension).</summary>
    public static byte[] TypedGraph(IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<(string Name, int ElementType, long[] Dims)> inputs, IEnumerable<(string Name, int ElementType, long[] Dims)> outputs) =>
        Concat(nodes.Select(n => Bytes(1, n))
            .Concat(initializers.Select(t => Bytes(5, t)))
            .Concat(inputs.Select(i => Bytes(11, ValueInfo(i.Name, i.ElementType, i.Dims))))
            .Concat(outputs.Select(o => Bytes(12, ValueInfo(o.Name, o.ElementType, o.Dims))))
            .ToArray());

    private static byte[] ValueInfo(string name, int elementType, long[] dims)
    {
        var shape = Concat(dims.Select((d, i) => Bytes(1, d > 0 ? Varint(1, (ulong)d) : Text(2, $"d{i}"))).ToArray());
        return Concat(Text(1, name), Bytes(2, Bytes(1, Concat(Varint(1, (ulong)elementType), Bytes(2, shape)))));
    }

    public static byte[] IntAttribute(string name, long value) => Concat(Text(1, name), Varint(3, unchecked((ulong)value)), Varint(20, 2));

    public static byte[] IntsAttribute(string name, params long[] values) =>
        Concat(new[] { Text(1, name) }.Concat(values.Select(v => Varint(8, unchecked((ulong)v)))).Append(Varint(20, 7)).ToArray());

    /// <summary>A float32 tensor holding <paramref name="values"/>.</summary>
    public static byte[] FloatTensor(string name, long[] dims, float[] values) => RawTensor(name, dims, 1, values.SelectMany(BitConverter.GetBytes).ToArray());

    public static byte[] Int64Tensor(string name, long[] dims, long[] values) => RawTensor(name, dims, 7, values.SelectMany(BitConverter.GetBytes).ToArray());

    private static byte[] RawTensor(string name, long[] dims, int dataType, byte[] raw) =>
        Concat(Concat(dims.Select(d => Varint(1, (ulong)d)).ToArray()), Varint(2, (ulong)dataType), Text(8, name), Bytes(9, raw));

    public static byte[] Graph(IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<string> inputs, IEnumerable<string> outputs) =>
        Concat(nodes.Select(n => Bytes(1, n))
            .Concat(initializers.Select(t => Bytes(5, t)))
            .Concat(inputs.Select(i => Bytes(11, Text(1, i))))
            .Concat(outputs.Select(o => Bytes(12, Text(1, o))))
            .ToArray());

    public static byte[] Node(string opType, string[] inputs, string[] outputs, params byte[][] attributes) =>
        Concat(inputs.Select(i => Text(1, i)).Concat(outputs.Select(o => Text(2, o))).Append(Text(4, opType)).Concat(attributes.Select(a => Bytes(5, a))).ToArray());

    public static byte[] FloatAttribute(string name, float value) => Concat(Text(1, name), Key(2, 5), BitConverter.GetBytes(value), Varint(20, 1));

    /// <summary>A float32 tensor with raw data; <paramref name="rawBytes"/> overrides the byte count to make a bad one.</summary>
    public static byte[] FloatTensor(string name, long[] dims, int? rawBytes = null)
    {
        int count = (int)dims.Aggregate(1L, (a, b) => a * b);
        var raw = new byte[rawBytes ?? count * 4];
        for (int i = 0; i + 4 <= raw.Length; i += 4) BitConverter.GetBytes(0.01f * (i / 4 % 7)).CopyTo(raw, i);
        return RawTensor(name, dims, 1, raw);
    }

    private static byte[] Text(int field, string value) => Bytes(field, Encoding.UTF8.GetBytes(value));

    private static byte[] Bytes(int field, byte[] value) => Concat(Key(field, 2), RawVarint((ulong)value.Length), value);

    private static byte[] Varint(int field, ulong value) => Concat(Key(field, 0), RawVarint(value));

    private static byte[] Key(int field, int wireType) => RawVarint((ulong)(field << 3 | wireType));

    private static byte[] RawVarint(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            byte b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        } while (value != 0);
        return bytes.ToArray();
    }

    private static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();
}
