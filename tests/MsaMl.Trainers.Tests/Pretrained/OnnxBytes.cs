using System.Text;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>Writes tiny ONNX models in the protobuf wire format, for the reader's and matcher's error tests.</summary>
internal static class OnnxBytes
{
    public static byte[] Model(byte[] graph) => Concat(Varint(1, 7), Bytes(7, graph));

    public static byte[] Graph(IEnumerable<byte[]> nodes, IEnumerable<byte[]> initializers, IEnumerable<string> inputs, IEnumerable<string> outputs) =>
        Concat(nodes.Select(n => Bytes(1, n))
            .Concat(initializers.Select(t => Bytes(5, t)))
            .Concat(inputs.Select(i => Bytes(11, Text(1, i))))
            .Concat(outputs.Select(o => Bytes(12, Text(1, o))))
            .ToArray());

    public static byte[] Node(string opType, string[] inputs, string[] outputs, params byte[][] attributes) =>
        Concat(inputs.Select(i => Text(1, i)).Concat(outputs.Select(o => Text(2, o))).Append(Text(4, opType)).Concat(attributes.Select(a => Bytes(5, a))).ToArray());

    public static byte[] FloatAttribute(string name, float value) => Concat(Text(1, name), Key(2, 5), BitConverter.GetBytes(value));

    /// <summary>A float32 tensor with raw data; <paramref name="rawBytes"/> overrides the byte count to make a bad one.</summary>
    public static byte[] FloatTensor(string name, long[] dims, int? rawBytes = null)
    {
        int count = (int)dims.Aggregate(1L, (a, b) => a * b);
        var raw = new byte[rawBytes ?? count * 4];
        for (int i = 0; i + 4 <= raw.Length; i += 4) BitConverter.GetBytes(0.01f * (i / 4 % 7)).CopyTo(raw, i);
        return Concat(Concat(dims.Select(d => Varint(1, (ulong)d)).ToArray()), Varint(2, 1), Text(8, name), Bytes(9, raw));
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
