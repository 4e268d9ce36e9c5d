namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Finds a post-LayerNorm BERT encoder (BERT, MiniLM, ...) in an ONNX graph by following its
/// data flow from the <c>input_ids</c> input: the embedding lookups and their LayerNorm, then
/// layer after layer (three projections of the hidden state, scaled scores, softmax, context,
/// output dense + residual + LayerNorm, intermediate dense + GELU, output dense + residual +
/// LayerNorm) until no dense layer reads the hidden state. Exporters name MatMul weights
/// arbitrarily (<c>onnx::MatMul_123</c>) and store them [in, out]; roles come from the graph
/// structure, and every shape is checked. A graph that does not fit fails naming the first
/// tensor or node that does not.
/// </summary>
internal static class BertGraphMatcher
{
    public const string InputIds = "input_ids";
    public const string TokenTypeIds = "token_type_ids";

    public static BertWeights Match(OnnxGraph graph)
    {
        if (!graph.Inputs.Contains(InputIds))
            throw graph.Error($"expected a graph input named '{InputIds}', found {string.Join(", ", graph.Inputs)}.");
        var (word, position, tokenType, embeddingSum) = Embeddings(graph);
        long hidden = word.Dims[1];
        var (embeddingNorm, state) = graph.LayerNorm(embeddingSum, hidden, "embedding LayerNorm");

        var layers = new List<BertLayerWeights>();
        while (true)
        {
            var projections = graph.DataConsumers(state).Where(n => graph.IsDense(n)).ToList();
            if (projections.Count == 0) break;
            var (layer, next) = Layer(graph, state, projections, hidden, $"layer {layers.Count}");
            layers.Add(layer);
            state = next;
        }
        if (layers.Count == 0) throw graph.Error($"expected transformer layers (dense layers reading '{state}', the embedding LayerNorm's output), found none.");
        return new BertWeights(word, position, tokenType, embeddingNorm, layers, state);
    }

    private static (OnnxTensor Word, OnnxTensor Position, OnnxTensor? TokenType, string Sum) Embeddings(OnnxGraph graph)
    {
        var lookup = graph.Consumers(InputIds).FirstOrDefault(n => n.OpType == "Gather" && n.Inputs[1] == InputIds && graph.ConstantOf(n.Inputs[0]) is { Dims.Length: 2 })
            ?? throw graph.Error($"word embeddings: expected a Gather of a [vocabulary, hidden] constant by '{InputIds}', found {OnnxGraphPatterns.Describe(graph.Consumers(InputIds).ToList())}.");
        var word = graph.ConstantOf(lookup.Inputs[0])!;
        long hidden = word.Dims[1];
        OnnxGraphPatterns.CheckShape(graph, word, new[] { word.Dims[0], hidden }, "word embeddings");
        OnnxTensor? position = null, tokenType = null;
        string sum = lookup.Outputs[0];
        // The lookups are summed by a chain of Adds; each other operand is a Gather of another table.
        while (graph.DataConsumers(sum) is [{ OpType: "Add" } add])
        {
            string other = OnnxGraphPatterns.OtherInput(add, sum);
            var gather = graph.Producer(other);
            if (gather is not { OpType: "Gather" } || graph.ConstantOf(gather.Inputs[0]) is not { } table)
                throw graph.Error($"embeddings: expected the operand '{other}' of {add.Describe()} to be an embedding lookup (Gather of a constant).");
            if (gather.Inputs[1] == TokenTypeIds)
            {
                tokenType = table;
                OnnxGraphPatterns.CheckShape(graph, table, new[] { table.Dims.ElementAtOrDefault(0), hidden }, "token type embeddings");
            }
            else
            {
                // Exporters slice a constant position_ids row [0, 1, ..., max - 1]; positions are taken as 0..length-1.
                position = table;
                OnnxGraphPatterns.CheckShape(graph, table, new[] { table.Dims.ElementAtOrDefault(0), hidden }, "position embeddings");
            }
            sum = add.Outputs[0];
        }
        if (position == null) throw graph.Error($"embeddings: expected a position embedding lookup added to the word embeddings '{lookup.Outputs[0]}', found none.");
        return (word, position, tokenType, sum);
    }

    private static (BertLayerWeights Layer, string Output) Layer(OnnxGraph graph, string input, List<OnnxNode> projections, long hidden, string role)
    {
        if (projections.Count != 3)
            throw graph.Error($"{role}: expected three dense layers (query, key, value) reading '{input}', found {OnnxGraphPatterns.Describe(projections)}.");
        var dense = projections.Select((p, i) => graph.Dense(p, hidden, $"{role} projection {i}")).ToList();
        var uses = dense.Select(d => UseInAttention(graph, d.Output, role)).ToList();

        // The scores MatMul reads the query (first operand) and the key (second); the context MatMul reads the value second.
        int q = uses.FindIndex(u => u.Index == 0);
        int k = uses.FindIndex(u => u.Index == 1 && q >= 0 && u.MatMul == uses[q].MatMul);
        int v = Enumerable.Range(0, 3).FirstOrDefault(i => i != q && i != k, -1);
        if (q < 0 || k < 0 || v < 0 || uses[v].Index != 1 || uses[v].MatMul == uses[q].MatMul)
            throw graph.Error($"{role}: expected query and key to meet in one MatMul and the value to be the second operand of another, found {string.Join("; ", uses.Select(u => $"{u.MatMul.Describe()} operand {u.Index}"))}.");
        var scores = uses[q].MatMul;
        var (divisor, probabilities) = ScoresToSoftmax(graph, scores, role);
        var context = uses[v].MatMul;
        if (context.Inputs[0] != probabilities)
            throw graph.Error($"{role}: expected {context.Describe()} to read the softmax output '{probabilities}', found '{context.Inputs[0]}'.");
        int heads = HeadsOf(graph, dense[q].Output, role) ?? HeadsFromDivisor(graph, divisor, hidden, role);

        var attentionOutput = FollowToDense(graph, context.Outputs[0], role + " attention output");
        var (outputDense, outputValue) = graph.Dense(attentionOutput, hidden, role + " attention output");
        var (attentionNorm, attended) = graph.LayerNorm(Residual(graph, outputValue, input, role + " attention residual"), hidden, role + " attention LayerNorm");

        var intermediate = graph.DataConsumers(attended).Where(n => graph.IsDense(n)).ToList();
        if (intermediate.Count != 1)
            throw graph.Error($"{role}: expected one intermediate dense layer reading '{attended}', found {OnnxGraphPatterns.Describe(intermediate)}.");
        var (intermediateDense, expanded) = graph.Dense(intermediate[0], hidden, role + " intermediate");
        var (gelu, outputNode) = Gelu(graph, expanded, role);
        var (finalDense, finalValue) = graph.Dense(outputNode, intermediateDense.OutFeatures, role + " output");
        if (finalDense.OutFeatures != hidden)
            throw graph.Error($"tensor '{finalDense.Weight.Name}' ({role} output weight) gives {finalDense.OutFeatures} features; expected {hidden}.");
        var (outputNorm, output) = graph.LayerNorm(Residual(graph, finalValue, attended, role + " output residual"), hidden, role + " output LayerNorm");

        return (new BertLayerWeights(dense[q].Weights, dense[k].Weights, dense[v].Weights, outputDense, attentionNorm, intermediateDense, gelu, finalDense, outputNorm, heads, divisor), output);
    }

    /// <summary>Follows a projection through reshapes and transposes to the MatMul of two computed values that reads it.</summary>
    private static (OnnxNode MatMul, int Index) UseInAttention(OnnxGraph graph, string value, string role)
    {
        for (int step = 0; step < 8; step++)
        {
            var consumers = graph.DataConsumers(value);
            if (consumers.Count != 1)
                throw graph.Error($"{role}: expected one node reading the projection '{value}', found {OnnxGraphPatterns.Describe(consumers)}.");
            var node = consumers[0];
            if (node.OpType == "MatMul") return (node, node.Inputs[0] == value ? 0 : 1);
            if (node.OpType is not ("Reshape" or "Transpose"))
                throw graph.Error($"{role}: expected Reshape, Transpose or MatMul after the projection, found {node.Describe()}.");
            value = node.Outputs[0];
        }
        throw graph.Error($"{role}: expected the projection to reach a MatMul within 8 nodes.");
    }

    /// <summary>Follows the scores to the softmax: a Div (or Mul) by a constant and an Add of the mask.</summary>
    private static (double Divisor, string Probabilities) ScoresToSoftmax(OnnxGraph graph, OnnxNode scores, string role)
    {
        double divisor = 1;
        string value = scores.Outputs[0];
        for (int step = 0; step < 6; step++)
        {
            var consumers = graph.DataConsumers(value);
            if (consumers.Count != 1) throw graph.Error($"{role}: expected one node reading the attention scores '{value}', found {OnnxGraphPatterns.Describe(consumers)}.");
            var node = consumers[0];
            switch (node.OpType)
            {
                case "Softmax": return (divisor, node.Outputs[0]);
                case "Div": divisor *= Constant(graph, node, value, role); break;
                case "Mul": divisor /= Constant(graph, node, value, role); break;
                case "Add": break;   // the additive attention mask, rebuilt from attention_mask by the module
                default: throw graph.Error($"{role}: expected scaling, the mask and a Softmax after the attention scores, found {node.Describe()}.");
            }
            value = node.Outputs[0];
        }
        throw graph.Error($"{role}: expected a Softmax within 6 nodes of the attention scores.");
    }

    private static double Constant(OnnxGraph graph, OnnxNode node, string operand, string role) =>
        graph.ScalarConstantOf(OnnxGraphPatterns.OtherInput(node, operand))
        ?? throw graph.Error($"{role}: expected {node.Describe()} to scale by a one-element constant.");

    /// <summary>The head count from the Reshape that splits the query ([batch, length, heads, head size]), when its shape is constant.</summary>
    private static int? HeadsOf(OnnxGraph graph, string query, string role)
    {
        if (graph.DataConsumers(query) is not [{ OpType: "Reshape" } reshape]) return null;
        var shape = graph.ConstantOf(reshape.Inputs[1]);
        if (shape is { ElementCount: 4 }) return (int)shape.ToInt64s()[2];
        if (graph.Producer(reshape.Inputs[1]) is { OpType: "Concat", Inputs.Count: 4 } concat)
        {
            var heads = graph.ScalarConstantOf(concat.Inputs[2]);
            if (heads == null && graph.Producer(concat.Inputs[2]) is { OpType: "Unsqueeze" } unsqueeze) heads = graph.ScalarConstantOf(unsqueeze.Inputs[0]);
            if (heads is > 0) return (int)heads.Value;
        }
        return null;
    }

    /// <summary>Scores divided by sqrt(head size): the head count is hidden / divisor².</summary>
    private static int HeadsFromDivisor(OnnxGraph graph, double divisor, long hidden, string role)
    {
        long headSize = (long)Math.Round(divisor * divisor);
        if (headSize <= 0 || hidden % headSize != 0 || Math.Abs(Math.Sqrt(headSize) - divisor) > 1e-3)
            throw graph.Error($"{role}: expected the attention scores divided by sqrt(head size), a divisor of {hidden}; found {divisor}.");
        return (int)(hidden / headSize);
    }

    /// <summary>Follows the attention context through transposes and reshapes to the dense layer reading it.</summary>
    private static OnnxNode FollowToDense(OnnxGraph graph, string value, string role)
    {
        for (int step = 0; step < 6; step++)
        {
            var consumers = graph.DataConsumers(value);
            if (consumers.Count == 1 && graph.IsDense(consumers[0])) return consumers[0];
            if (consumers is not [{ OpType: "Reshape" or "Transpose" } node])
                throw graph.Error($"{role}: expected Transpose, Reshape and a dense layer after '{value}', found {OnnxGraphPatterns.Describe(consumers)}.");
            value = node.Outputs[0];
        }
        throw graph.Error($"{role}: expected a dense layer within 6 nodes of the attention context.");
    }

    /// <summary>The Add of a sublayer's output and its input; returns the sum.</summary>
    private static string Residual(OnnxGraph graph, string output, string input, string role)
    {
        var add = graph.Single(output, "Add", role);
        if (OnnxGraphPatterns.OtherInput(add, output) != input)
            throw graph.Error($"{role}: expected {add.Describe()} to add '{input}', found '{OnnxGraphPatterns.OtherInput(add, output)}'.");
        return add.Outputs[0];
    }

    private static readonly HashSet<string> GeluOps = new(StringComparer.Ordinal) { "Div", "Mul", "Add", "Erf", "Tanh", "Pow", "Gelu", "FastGelu" };

    /// <summary>The GELU between the intermediate and output dense layers: which kind, and the output dense node.</summary>
    private static (GeluKind Kind, OnnxNode OutputDense) Gelu(OnnxGraph graph, string input, string role)
    {
        var seen = new HashSet<OnnxNode>();
        var frontier = new Queue<string>(new[] { input });
        OnnxNode? dense = null;
        while (frontier.Count > 0 && seen.Count < 32)
        {
            foreach (var node in graph.DataConsumers(frontier.Dequeue()))
            {
                if (graph.IsDense(node))
                {
                    if (dense != null && dense != node) throw graph.Error($"{role}: expected one output dense layer after the GELU, found {dense.Describe()} and {node.Describe()}.");
                    dense = node;
                }
                else if (!GeluOps.Contains(node.OpType))
                    throw graph.Error($"{role}: expected a GELU after the intermediate dense layer, found {node.Describe()}.");
                else if (seen.Add(node))
                    frontier.Enqueue(node.Outputs[0]);
            }
        }
        if (dense == null) throw graph.Error($"{role}: expected an output dense layer after the GELU of '{input}', found none.");
        var ops = seen.Select(n => n.OpType == "Gelu" && n.Attribute("approximate")?.String == "tanh" ? "FastGelu" : n.OpType).ToHashSet();
        var kind = ops.Contains("Erf") || ops.Contains("Gelu") ? GeluKind.Erf
            : ops.Contains("Tanh") || ops.Contains("FastGelu") ? GeluKind.Tanh
            : throw graph.Error($"{role}: expected a GELU (Erf or Tanh) after the intermediate dense layer, found {string.Join(", ", ops)}.");
        return (kind, dense);
    }
}
