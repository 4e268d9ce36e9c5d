namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Reads the graph of an ONNX model (ModelProto.graph: nodes, initializers, inputs, outputs)
/// straight from the protobuf wire format, within <see cref="OnnxLimits"/>. Errors are one line
/// naming the source and what was expected. Fields weight loading does not need are skipped.
/// </summary>
internal static class OnnxModelReader
{
    public static OnnxGraph Read(string path, OnnxLimits? limits = null)
    {
        limits ??= OnnxLimits.Default;
        var info = new FileInfo(path);
        if (!info.Exists) throw new FileNotFoundException($"{path}: ONNX model not found.", path);
        if (info.Length > limits.MaxFileBytes)
            throw new InvalidDataException($"{path}: expected an ONNX model of at most {limits.MaxFileBytes} bytes, found {info.Length}.");
        return Read(File.ReadAllBytes(path), path, limits);
    }

    /// <summary>Reads a model from a stream (e.g. an embedded resource), refusing one longer than the limit before it is all read.</summary>
    public static OnnxGraph Read(Stream stream, string source, OnnxLimits? limits = null)
    {
        limits ??= OnnxLimits.Default;
        if (stream.CanSeek)
        {
            long length = stream.Length - stream.Position;
            if (length > limits.MaxFileBytes)
                throw new InvalidDataException($"{source}: expected an ONNX model of at most {limits.MaxFileBytes} bytes, found {length}.");
            var bytes = new byte[length];
            stream.ReadExactly(bytes);
            return Read(bytes, source, limits);
        }
        using var memory = new MemoryStream();
        var buffer = new byte[1 << 20];
        for (int read; (read = stream.Read(buffer, 0, buffer.Length)) > 0;)
        {
            if (memory.Length + read > limits.MaxFileBytes)
                throw new InvalidDataException($"{source}: expected an ONNX model of at most {limits.MaxFileBytes} bytes, found more.");
            memory.Write(buffer, 0, read);
        }
        return Read(memory.ToArray(), source, limits);
    }

    public static OnnxGraph Read(byte[] bytes, string source, OnnxLimits? limits = null)
    {
        limits ??= OnnxLimits.Default;
        if (bytes.Length > limits.MaxFileBytes)
            throw new InvalidDataException($"{source}: expected an ONNX model of at most {limits.MaxFileBytes} bytes, found {bytes.Length}.");
        var state = new ReadState(source, limits);
        var model = new ProtobufReader(bytes, source);
        OnnxGraph? graph = null;
        while (model.NextField(out int field, out var wire))
        {
            if (field == 7 && wire == WireType.LengthDelimited) graph = ReadGraph(model.ReadMessage("the graph (ModelProto field 7)"), state);
            else model.Skip(wire);
        }
        return graph ?? throw new InvalidDataException($"{source}: expected an ONNX ModelProto with a graph (field 7), found none.");
    }

    private sealed class ReadState(string source, OnnxLimits limits)
    {
        public string Source { get; } = source;
        public OnnxLimits Limits { get; } = limits;
        public int Tensors { get; set; }
    }

    private static OnnxGraph ReadGraph(ProtobufReader reader, ReadState state)
    {
        var nodes = new List<OnnxNode>();
        var initializers = new List<OnnxTensor>();
        var inputs = new List<string>();
        var outputs = new List<string>();
        while (reader.NextField(out int field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == WireType.LengthDelimited:
                    if (nodes.Count >= state.Limits.MaxNodes)
                        throw reader.Error($"at most {state.Limits.MaxNodes} nodes (OnnxLimits.MaxNodes)");
                    nodes.Add(ReadNode(reader.ReadMessage($"node {nodes.Count}"), state));
                    break;
                case 5 when wire == WireType.LengthDelimited:
                    initializers.Add(ReadTensor(reader.ReadMessage($"initializer {initializers.Count} (after '{initializers.LastOrDefault()?.Name}')"), state));
                    break;
                case 11 when wire == WireType.LengthDelimited:
                    inputs.Add(ReadValueInfoName(reader.ReadMessage()));
                    break;
                case 12 when wire == WireType.LengthDelimited:
                    outputs.Add(ReadValueInfoName(reader.ReadMessage()));
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }
        var initializerNames = initializers.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        return new OnnxGraph(state.Source, nodes, initializers, inputs.Where(i => !initializerNames.Contains(i)).ToList(), outputs);
    }

    private static string ReadValueInfoName(ProtobufReader reader)
    {
        string name = "";
        while (reader.NextField(out int field, out var wire))
        {
            if (field == 1 && wire == WireType.LengthDelimited) name = reader.ReadString();
            else reader.Skip(wire);
        }
        return name;
    }

    private static OnnxNode ReadNode(ProtobufReader reader, ReadState state)
    {
        var inputs = new List<string>();
        var outputs = new List<string>();
        var attributes = new List<OnnxAttribute>();
        string name = "", opType = "";
        while (reader.NextField(out int field, out var wire))
        {
            if (wire != WireType.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }
            switch (field)
            {
                case 1: inputs.Add(reader.ReadString()); break;
                case 2: outputs.Add(reader.ReadString()); break;
                case 3: name = reader.ReadString(); break;
                case 4: opType = reader.ReadString(); break;
                case 5: attributes.Add(ReadAttribute(reader.ReadMessage(), state)); break;
                default: reader.Skip(wire); break;
            }
        }
        if (opType.Length == 0) throw reader.Error($"an op_type in node '{name}'");
        return new OnnxNode(name, opType, inputs, outputs, attributes);
    }

    private static OnnxAttribute ReadAttribute(ProtobufReader reader, ReadState state)
    {
        string name = "";
        float? f = null;
        long? i = null;
        string? s = null;
        OnnxTensor? tensor = null;
        var ints = new List<long>();
        var floats = new List<float>();
        while (reader.NextField(out int field, out var wire))
        {
            switch (field)
            {
                case 1 when wire == WireType.LengthDelimited: name = reader.ReadString(); break;
                case 2 when wire == WireType.Fixed32: f = reader.ReadFloat(); break;
                case 3 when wire == WireType.Varint: i = reader.ReadInt64(); break;
                case 4 when wire == WireType.LengthDelimited: s = reader.ReadString(); break;
                case 5 when wire == WireType.LengthDelimited: tensor = ReadTensor(reader.ReadMessage(), state); break;
                case 7 when wire is WireType.Fixed32 or WireType.LengthDelimited: reader.ReadRepeatedFloat(wire, floats); break;
                case 8 when wire is WireType.Varint or WireType.LengthDelimited: reader.ReadRepeatedInt64(wire, ints); break;
                default: reader.Skip(wire); break;   // subgraphs and the rest: not needed for weights
            }
        }
        return new OnnxAttribute(name, f, i, ints, floats, tensor, s);
    }

    private static OnnxTensor ReadTensor(ProtobufReader reader, ReadState state)
    {
        if (++state.Tensors > state.Limits.MaxTensors)
            throw reader.Error($"at most {state.Limits.MaxTensors} tensors (OnnxLimits.MaxTensors)");
        var dims = new List<long>();
        var floats = new List<float>();
        var integers = new List<long>();
        var raw = ReadOnlyMemory<byte>.Empty;
        var type = OnnxDataType.Undefined;
        string name = "";
        bool external = false, otherTypedData = false;
        while (reader.NextField(out int field, out var wire))
        {
            switch (field)
            {
                case 1: reader.ReadRepeatedInt64(wire, dims); break;
                case 2 when wire == WireType.Varint: type = (OnnxDataType)reader.ReadInt32(); break;
                case 4: reader.ReadRepeatedFloat(wire, floats); break;
                case 5 or 7: reader.ReadRepeatedInt64(wire, integers); break;
                case 8 when wire == WireType.LengthDelimited: name = reader.ReadString(); break;
                case 9 when wire == WireType.LengthDelimited: raw = reader.ReadBytes($"the raw data of tensor '{name}'"); break;
                case 14 when wire == WireType.Varint: external = reader.ReadInt64() == 1; break;
                case 6 or 10 or 11: otherTypedData = true; reader.Skip(wire); break;
                default: reader.Skip(wire); break;
            }
        }
        var tensor = new OnnxTensor(name, dims.ToArray(), type, raw, floats, integers);
        Validate(tensor, state, external, otherTypedData);
        return tensor;
    }

    private static void Validate(OnnxTensor tensor, ReadState state, bool external, bool otherTypedData)
    {
        string what = $"{state.Source}: tensor '{tensor.Name}'";
        if (external) throw new InvalidDataException($"{what} keeps its data in an external file; expected the data inside the model.");
        if (tensor.Dims.Length > state.Limits.MaxTensorRank)
            throw new InvalidDataException($"{what}: expected at most {state.Limits.MaxTensorRank} dimensions, found {tensor.Dims.Length}.");
        long elements = 1;
        foreach (long d in tensor.Dims)
        {
            if (d < 0) throw new InvalidDataException($"{what}: expected non-negative dimensions, found {tensor.Shape}.");
            if (d > 0 && elements > state.Limits.MaxTensorElements / d)
                throw new InvalidDataException($"{what}: expected at most {state.Limits.MaxTensorElements} elements (OnnxLimits.MaxTensorElements), found shape {tensor.Shape}.");
            elements *= d;
        }
        int size = OnnxTensor.ElementSize(tensor.DataType);
        if (tensor.Raw.Length > 0)
        {
            if (size == 0) throw new InvalidDataException($"{what}: expected raw data only for a fixed-size type, found {tensor.DataType}.");
            if (tensor.Raw.Length != elements * size)
                throw new InvalidDataException($"{what}: expected {elements * size} raw bytes ({elements} {tensor.DataType} elements of shape {tensor.Shape}), found {tensor.Raw.Length}.");
            return;
        }
        long typed = tensor.DataType == OnnxDataType.Float ? tensor.FloatData.Count : tensor.IntegerData.Count;
        if (otherTypedData || tensor.DataType == OnnxDataType.String) return;
        if (typed != elements)
            throw new InvalidDataException($"{what}: expected {elements} {tensor.DataType} values (shape {tensor.Shape}), found {typed}.");
    }
}
