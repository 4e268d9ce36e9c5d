namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Structural patterns in exported graphs: a dense layer (MatMul by a constant then Add of a
/// constant, or Gemm) and a layer normalization (one LayerNormalization node, or the
/// ReduceMean/Sub/Pow/ReduceMean/Add/Sqrt/Div/Mul/Add chain older exporters write). Weights are
/// found by which node reads which value, never by their names, and their shapes are checked.
/// </summary>
internal static class OnnxGraphPatterns
{
    /// <summary>The nodes reading <paramref name="value"/>, less Shape nodes (exporters read shapes everywhere).</summary>
    public static List<OnnxNode> DataConsumers(this OnnxGraph graph, string value) =>
        graph.Consumers(value).Where(n => n.OpType != "Shape").ToList();

    /// <summary>Whether <paramref name="node"/> is a dense layer: a MatMul by a rank-2 constant, or a Gemm with constant weights.</summary>
    public static bool IsDense(this OnnxGraph graph, OnnxNode node) =>
        node.OpType is "MatMul" or "Gemm" && node.Inputs.Count >= 2 && graph.ConstantOf(node.Inputs[1]) is { Dims.Length: 2 };

    /// <summary>The dense layer that <paramref name="node"/> starts, and the value it computes (after its bias).</summary>
    public static (LinearWeights Weights, string Output) Dense(this OnnxGraph graph, OnnxNode node, long inFeatures, string role)
    {
        var weight = graph.ConstantOf(node.Inputs[1]) ?? throw graph.Error($"{role}: expected a constant weight as the second input of {node.Describe()}.");
        if (node.OpType == "Gemm")
        {
            bool transposed = node.Attribute("transB")?.Int == 1;
            if (node.Attribute("transA")?.Int is { } ta && ta != 0) throw graph.Error($"{role}: {node.Describe()} transposes its input; expected transA = 0.");
            if ((node.Attribute("alpha")?.Float ?? 1f) != 1f || (node.Attribute("beta")?.Float ?? 1f) != 1f)
                throw graph.Error($"{role}: {node.Describe()} scales its terms; expected alpha = beta = 1.");
            var gemm = new LinearWeights(weight, !transposed, node.Inputs.Count > 2 ? RequireConstant(graph, node.Inputs[2], role) : throw graph.Error($"{role}: {node.Describe()} has no bias."));
            CheckDense(graph, gemm, inFeatures, role);
            return (gemm, node.Outputs[0]);
        }
        var add = graph.DataConsumers(node.Outputs[0]);
        if (add.Count != 1 || add[0].OpType != "Add")
            throw graph.Error($"{role}: expected one Add (the bias) reading the output of {node.Describe()}, found {Describe(add)}.");
        string biasName = add[0].Inputs[0] == node.Outputs[0] ? add[0].Inputs[1] : add[0].Inputs[0];
        var dense = new LinearWeights(weight, true, RequireConstant(graph, biasName, role));
        CheckDense(graph, dense, inFeatures, role);
        return (dense, add[0].Outputs[0]);
    }

    /// <summary>The layer normalization reading <paramref name="input"/>, and the value it computes.</summary>
    public static (LayerNormWeights Weights, string Output) LayerNorm(this OnnxGraph graph, string input, long width, string role)
    {
        var consumers = graph.DataConsumers(input);
        if (consumers.FirstOrDefault(n => n.OpType == "LayerNormalization") is { } fused)
        {
            var weights = new LayerNormWeights(RequireConstant(graph, fused.Inputs[1], role), RequireConstant(graph, fused.Inputs[2], role), fused.Attribute("epsilon")?.Float ?? 1e-5);
            CheckNorm(graph, weights, width, role);
            return (weights, fused.Outputs[0]);
        }
        var mean = consumers.FirstOrDefault(n => n.OpType == "ReduceMean")
            ?? throw graph.Error($"{role}: expected a layer normalization (LayerNormalization or ReduceMean) reading '{input}', found {Describe(consumers)}.");
        if (mean.Attribute("axes")?.Ints is { Count: > 0 } axes && !axes.SequenceEqual(new long[] { -1 }))
            throw graph.Error($"{role}: expected {mean.Describe()} to average the last axis (-1), found [{string.Join(", ", axes)}].");
        var centre = Single(graph, mean.Outputs[0], "Sub", role);
        var square = graph.DataConsumers(centre.Outputs[0]).FirstOrDefault(n => n.OpType == "Pow")
            ?? throw graph.Error($"{role}: expected a Pow reading '{centre.Outputs[0]}' in the layer normalization after '{input}'.");
        if (graph.ScalarConstantOf(square.Inputs[1]) != 2)
            throw graph.Error($"{role}: expected {square.Describe()} to square (exponent 2) in the layer normalization after '{input}'.");
        var variance = Single(graph, square.Outputs[0], "ReduceMean", role);
        var addEpsilon = Single(graph, variance.Outputs[0], "Add", role);
        double epsilon = graph.ScalarConstantOf(OtherInput(addEpsilon, variance.Outputs[0]))
            ?? throw graph.Error($"{role}: expected a constant epsilon added in {addEpsilon.Describe()}.");
        var root = Single(graph, addEpsilon.Outputs[0], "Sqrt", role);
        var divide = Single(graph, root.Outputs[0], "Div", role);
        var scale = Single(graph, divide.Outputs[0], "Mul", role);
        var shift = Single(graph, scale.Outputs[0], "Add", role);
        var norm = new LayerNormWeights(
            RequireConstant(graph, OtherInput(scale, divide.Outputs[0]), role),
            RequireConstant(graph, OtherInput(shift, scale.Outputs[0]), role),
            epsilon);
        CheckNorm(graph, norm, width, role);
        return (norm, shift.Outputs[0]);
    }

    /// <summary>The one node (less Shape nodes) reading <paramref name="value"/>, which must be a <paramref name="opType"/>.</summary>
    public static OnnxNode Single(this OnnxGraph graph, string value, string opType, string role)
    {
        var consumers = graph.DataConsumers(value);
        if (consumers.Count != 1 || consumers[0].OpType != opType)
            throw graph.Error($"{role}: expected one {opType} reading '{value}', found {Describe(consumers)}.");
        return consumers[0];
    }

    /// <summary>The input of a two-input node that is not <paramref name="known"/>.</summary>
    public static string OtherInput(OnnxNode node, string known) => node.Inputs[0] == known ? node.Inputs[1] : node.Inputs[0];

    public static OnnxTensor RequireConstant(OnnxGraph graph, string value, string role) =>
        graph.ConstantOf(value) ?? throw graph.Error($"{role}: expected a constant tensor '{value}', found a computed value.");

    public static string Describe(IReadOnlyCollection<OnnxNode> nodes) =>
        nodes.Count == 0 ? "nothing" : string.Join(", ", nodes.Select(n => n.Describe()));

    /// <summary>Refuses a tensor whose shape is not <paramref name="expected"/>, naming it.</summary>
    public static void CheckShape(OnnxGraph graph, OnnxTensor tensor, long[] expected, string role)
    {
        if (tensor.DataType != OnnxDataType.Float)
            throw graph.Error($"tensor '{tensor.Name}' ({role}) is {tensor.DataType}; expected float32.");
        if (!tensor.Dims.SequenceEqual(expected))
            throw graph.Error($"tensor '{tensor.Name}' ({role}) has shape {tensor.Shape}; expected [{string.Join(", ", expected)}].");
    }

    private static void CheckDense(OnnxGraph graph, LinearWeights dense, long inFeatures, string role)
    {
        long outFeatures = dense.OutFeatures;
        CheckShape(graph, dense.Weight, dense.WeightIsInputMajor ? new[] { inFeatures, outFeatures } : new[] { outFeatures, inFeatures }, role + " weight");
        CheckShape(graph, dense.Bias, new[] { outFeatures }, role + " bias");
    }

    private static void CheckNorm(OnnxGraph graph, LayerNormWeights norm, long width, string role)
    {
        CheckShape(graph, norm.Scale, new[] { width }, role + " scale");
        CheckShape(graph, norm.Bias, new[] { width }, role + " bias");
    }
}
