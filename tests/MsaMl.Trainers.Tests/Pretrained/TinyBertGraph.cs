using static MsaMl.Trainers.Tests.Pretrained.OnnxBytes;

namespace MsaMl.Trainers.Tests.Pretrained;

/// <summary>
/// A small BERT written as another exporter might write it, unlike the packaged MiniLM: fused
/// LayerNormalization nodes, the tanh GELU spelt out, scores multiplied by 1/sqrt(d) rather than
/// divided, biases added after the MatMul or before it, no token-type input, a fixed length.
/// Random weights; hidden 8, 2 heads, intermediate 16, vocabulary 20.
/// </summary>
internal static class TinyBertGraph
{
    public const int Hidden = 8, Heads = 2, Intermediate = 16, Vocabulary = 20, Length = 6, Layers = 2;

    public static byte[] Build(int seed)
    {
        var random = new Random(seed);
        var nodes = new List<byte[]>();
        var tensors = new List<byte[]>();
        float[] Values(int count, double scale) => Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale)).ToArray();
        string Weight(string name, params long[] dims)
        {
            tensors.Add(FloatTensor(name, dims, Values((int)dims.Aggregate(1L, (a, b) => a * b), 0.5)));
            return name;
        }
        string Scalar(string name, float value)
        {
            tensors.Add(FloatTensor(name, Array.Empty<long>(), new[] { value }));
            return name;
        }
        string Node(string op, string output, string[] inputs, params byte[][] attributes)
        {
            nodes.Add(OnnxBytes.Node(op, inputs, new[] { output }, attributes));
            return output;
        }
        string Norm(string input, string prefix, string output)
        {
            tensors.Add(FloatTensor(prefix + ".scale", new long[] { Hidden }, Values(Hidden, 0.3).Select(v => v + 1).ToArray()));
            return Node("LayerNormalization", output, new[] { input, prefix + ".scale", Weight(prefix + ".bias", Hidden) }, FloatAttribute("epsilon", 1e-12f), IntAttribute("axis", -1));
        }
        string Dense(string input, string prefix, long inFeatures, long outFeatures, bool biasFirst)
        {
            string product = Node("MatMul", prefix + ".mm", new[] { input, Weight("onnx::MatMul_" + prefix, inFeatures, outFeatures) });
            string bias = Weight(prefix + ".bias", outFeatures);
            return Node("Add", prefix + ".out", biasFirst ? new[] { bias, product } : new[] { product, bias });
        }

        tensors.Add(Int64Tensor("position_ids", new long[] { Length }, Enumerable.Range(0, Length).Select(i => (long)i).ToArray()));
        tensors.Add(Int64Tensor("heads_shape", new long[] { 4 }, new long[] { 0, 0, Heads, Hidden / Heads }));
        tensors.Add(Int64Tensor("merge_shape", new long[] { 3 }, new long[] { 0, 0, Hidden }));
        tensors.Add(Int64Tensor("mask_axes", new long[] { 2 }, new long[] { 1, 2 }));
        string words = Node("Gather", "words", new[] { Weight("word_embeddings", Vocabulary, Hidden), "input_ids" });
        string positions = Node("Gather", "positions", new[] { Weight("position_embeddings", Length, Hidden), "position_ids" });
        string hidden = Norm(Node("Add", "embedded", new[] { words, positions }), "embedding_norm", "embedding_norm.out");
        string mask = Node("Cast", "mask_float", new[] { "attention_mask" }, IntAttribute("to", 1));
        mask = Node("Sub", "mask_inverse", new[] { Scalar("one", 1), mask });
        mask = Node("Mul", "mask_scaled", new[] { mask, Scalar("minus_large", -10000) });
        mask = Node("Unsqueeze", "mask_bias", new[] { mask, "mask_axes" });

        for (int layer = 0; layer < Layers; layer++)
        {
            string p = $"layer{layer}";
            string SplitHeads(string projection, string name, params long[] perm) =>
                Node("Transpose", $"{p}.{name}.t", new[] { Node("Reshape", $"{p}.{name}.r", new[] { projection, "heads_shape" }) }, IntsAttribute("perm", perm));
            // Value first, then key, then query: roles must come from the structure, not the order.
            string v = SplitHeads(Dense(hidden, p + ".v", Hidden, Hidden, biasFirst: true), "v", 0, 2, 1, 3);
            string k = SplitHeads(Dense(hidden, p + ".k", Hidden, Hidden, biasFirst: false), "k", 0, 2, 3, 1);
            string q = SplitHeads(Dense(hidden, p + ".q", Hidden, Hidden, biasFirst: true), "q", 0, 2, 1, 3);
            string scores = Node("MatMul", p + ".scores", new[] { q, k });
            scores = Node("Mul", p + ".scaled", new[] { scores, Scalar(p + ".inverse_root", 1 / MathF.Sqrt(Hidden / Heads)) });
            scores = Node("Add", p + ".masked", new[] { scores, mask });
            string probabilities = Node("Softmax", p + ".probabilities", new[] { scores }, IntAttribute("axis", -1));
            string context = Node("MatMul", p + ".context", new[] { probabilities, v });
            context = Node("Transpose", p + ".context.t", new[] { context }, IntsAttribute("perm", 0, 2, 1, 3));
            context = Node("Reshape", p + ".context.r", new[] { context, "merge_shape" });
            string attended = Node("Add", p + ".residual1", new[] { Dense(context, p + ".o", Hidden, Hidden, biasFirst: true), hidden });
            attended = Norm(attended, p + ".attention_norm", p + ".attention_norm.out");
            string x = Dense(attended, p + ".i", Hidden, Intermediate, biasFirst: false);
            string cube = Node("Pow", p + ".cube", new[] { x, Scalar(p + ".three", 3) });
            string inner = Node("Add", p + ".inner", new[] { x, Node("Mul", p + ".cubic", new[] { cube, Scalar(p + ".c", 0.044715f) }) });
            string tanh = Node("Tanh", p + ".tanh", new[] { Node("Mul", p + ".scaled_inner", new[] { inner, Scalar(p + ".root", MathF.Sqrt(2 / MathF.PI)) }) });
            string gelu = Node("Mul", p + ".gelu", new[] { Node("Mul", p + ".half", new[] { x, Scalar(p + ".half_c", 0.5f) }), Node("Add", p + ".one_plus", new[] { tanh, Scalar(p + ".one", 1) }) });
            string output = Node("Add", p + ".residual2", new[] { Dense(gelu, p + ".out", Intermediate, Hidden, biasFirst: true), attended });
            hidden = Norm(output, p + ".output_norm", layer == Layers - 1 ? "last_hidden_state" : p + ".output_norm.out");
        }
        return RunnableModel(TypedGraph(nodes, tensors,
            new (string, int, long[])[] { ("input_ids", 7, new long[] { 0, Length }), ("attention_mask", 7, new long[] { 0, Length }) },
            new (string, int, long[])[] { ("last_hidden_state", 1, new long[] { 0, Length, Hidden }) }), opset: 17);
    }
}
