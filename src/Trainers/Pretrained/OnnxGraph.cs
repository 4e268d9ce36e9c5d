namespace MsaMl.Trainers.Pretrained;

/// <summary>The parts of an ONNX GraphProto that weight loading needs: nodes in file order, initializers, input and output names.</summary>
internal sealed class OnnxGraph
{
    private readonly Dictionary<string, OnnxNode> _producers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OnnxNode>> _consumers = new(StringComparer.Ordinal);

    public OnnxGraph(string source, IReadOnlyList<OnnxNode> nodes, IReadOnlyList<OnnxTensor> initializers, IReadOnlyList<string> inputs, IReadOnlyList<string> outputs)
    {
        Source = source;
        Nodes = nodes;
        Inputs = inputs;
        Outputs = outputs;
        var byName = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        foreach (var tensor in initializers) byName[tensor.Name] = tensor;
        Initializers = byName;
        foreach (var node in nodes)
        {
            foreach (var output in node.Outputs) _producers[output] = node;
            foreach (var input in node.Inputs.Where(i => i.Length > 0))
            {
                if (!_consumers.TryGetValue(input, out var list)) _consumers[input] = list = new List<OnnxNode>();
                if (!list.Contains(node)) list.Add(node);
            }
        }
    }

    /// <summary>The file (or resource) the graph was read from, named in errors.</summary>
    public string Source { get; }

    public IReadOnlyList<OnnxNode> Nodes { get; }

    public IReadOnlyDictionary<string, OnnxTensor> Initializers { get; }

    /// <summary>Graph input names that are not initializers.</summary>
    public IReadOnlyList<string> Inputs { get; }

    public IReadOnlyList<string> Outputs { get; }

    /// <summary>The node that computes <paramref name="value"/>, or null for a graph input or initializer.</summary>
    public OnnxNode? Producer(string value) => _producers.GetValueOrDefault(value);

    /// <summary>The nodes that read <paramref name="value"/>, in file order.</summary>
    public IReadOnlyList<OnnxNode> Consumers(string value) =>
        _consumers.TryGetValue(value, out var list) ? list : Array.Empty<OnnxNode>();

    /// <summary>The constant behind <paramref name="value"/>: an initializer or a Constant node's tensor; null otherwise.</summary>
    public OnnxTensor? ConstantOf(string value)
    {
        if (Initializers.TryGetValue(value, out var tensor)) return tensor;
        var producer = Producer(value);
        return producer is { OpType: "Constant" } ? producer.Attribute("value")?.Tensor : null;
    }

    /// <summary>A one-element constant's value as a double, or null when <paramref name="value"/> is not one.</summary>
    public double? ScalarConstantOf(string value)
    {
        var tensor = ConstantOf(value);
        if (tensor == null || tensor.ElementCount != 1) return null;
        return tensor.DataType switch
        {
            OnnxDataType.Float => tensor.ToFloats()[0],
            OnnxDataType.Int64 => tensor.ToInt64s()[0],
            _ => null,
        };
    }

    /// <summary>
    /// The initializer named <paramref name="name"/>, or, when <paramref name="name"/> is null, the
    /// only one whose name ends with <paramref name="nameSuffix"/>; an error naming the candidates otherwise.
    /// </summary>
    public OnnxTensor FindInitializer(string? name, string nameSuffix)
    {
        var found = Initializers.Values.Where(t => name != null ? t.Name == name : t.Name.EndsWith(nameSuffix, StringComparison.Ordinal)).ToList();
        string wanted = name != null ? $"named '{name}'" : $"whose name ends with '{nameSuffix}'";
        return found.Count switch
        {
            1 => found[0],
            0 => throw Error($"no initializer {wanted}; the model has {Initializers.Count}, e.g. {string.Join(", ", Initializers.Keys.Take(8))}."),
            _ => throw Error($"{found.Count} initializers {wanted} ({string.Join(", ", found.Select(f => f.Name))}); name one."),
        };
    }

    public InvalidDataException Error(string message) => new($"{Source}: {message}");
}
