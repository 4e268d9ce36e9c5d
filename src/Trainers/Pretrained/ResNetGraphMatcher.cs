namespace MsaMl.Trainers.Pretrained;

/// <summary>
/// Finds a basic-block ResNet in an ONNX graph by following the data flow from its one input:
/// Conv (+ BatchNormalization) + Relu, MaxPool, then blocks (two units, an Add of the shortcut,
/// Relu) until an AveragePool. Also reads the packaged preprocessing graph. Roles come from the
/// structure and every shape is checked; a graph that does not fit fails naming the first tensor
/// or node that does not.
/// </summary>
internal static class ResNetGraphMatcher
{
    public static ResNetWeights Match(OnnxGraph graph)
    {
        if (graph.Inputs.Count != 1) throw graph.Error($"expected one image input, found {graph.Inputs.Count}: {string.Join(", ", graph.Inputs)}.");
        string input = graph.Inputs[0];
        var (stem, stemOut) = Unit(graph, Only(graph, input, "Conv", "stem"), 3, "stem");
        var pool = Only(graph, Relu(graph, stemOut, "stem"), "MaxPool", "stem pooling");
        var (poolKernel, poolStride, poolPads) = Window(graph, pool, "stem pooling");
        string x = pool.Outputs[0];
        long channels = stem.OutChannels;
        var blocks = new List<BasicBlockWeights>();
        while (true)
        {
            var consumers = graph.DataConsumers(x);
            if (consumers is [{ OpType: "AveragePool" or "GlobalAveragePool" } average])
            {
                var (kernel, stride, _) = average.OpType == "GlobalAveragePool" ? (0L, 1L, new long[4]) : Window(graph, average, "average pooling");
                if (!graph.Outputs.Contains(average.Outputs[0]))
                    throw graph.Error($"expected the average pooling '{average.Outputs[0]}' to be the graph output, found outputs {string.Join(", ", graph.Outputs)}.");
                return new ResNetWeights(stem, poolKernel, poolStride, poolPads, blocks, kernel, stride);
            }
            var (block, output) = Block(graph, x, channels, $"block {blocks.Count}");
            blocks.Add(block);
            channels = block.Second.OutChannels;
            x = output;
        }
    }

    public static ImagePreprocessWeights MatchPreprocess(OnnxGraph graph)
    {
        if (graph.Inputs.Count != 1) throw graph.Error($"expected one image input, found {graph.Inputs.Count}.");
        var split = Only(graph, graph.Inputs[0], "Split", "preprocessing");
        if (split.Outputs.Count != 3 || split.Attribute("axis")?.Int != 1)
            throw graph.Error($"preprocessing: expected {split.Describe()} to split the 3 channels (axis 1).");
        var concat = Only(graph, split.Outputs[0], "Concat", "preprocessing");
        var order = concat.Inputs.Select(i => split.Outputs.ToList().IndexOf(i)).ToArray();
        if (order.Length != 3 || order.OrderBy(o => o).SequenceEqual(new[] { 0, 1, 2 }) == false)
            throw graph.Error($"preprocessing: expected {concat.Describe()} to reorder the three channels of {split.Describe()}.");
        var sub = Only(graph, concat.Outputs[0], "Sub", "preprocessing");
        var mean = OnnxGraphPatterns.RequireConstant(graph, sub.Inputs[1], "preprocessing mean image");
        if (mean.Dims.Length != 4 || mean.Dims[0] != 1 || mean.Dims[1] != 3)
            throw graph.Error($"tensor '{mean.Name}' (preprocessing mean image) has shape {mean.Shape}; expected [1, 3, height, width].");
        return new ImagePreprocessWeights(order, mean);
    }

    private static (BasicBlockWeights Block, string Output) Block(OnnxGraph graph, string input, long channels, string role)
    {
        var convs = graph.DataConsumers(input).Where(n => n.OpType == "Conv").ToList();
        if (convs.Count is < 1 or > 2)
            throw graph.Error($"{role}: expected one or two Conv nodes reading '{input}', found {OnnxGraphPatterns.Describe(graph.DataConsumers(input))}.");
        // The main path's first unit is followed by a Relu; a projection shortcut goes straight to the Add.
        var units = convs.Select(c => Unit(graph, c, channels, role)).ToList();
        int main = units.FindIndex(u => graph.DataConsumers(u.Output) is [{ OpType: "Relu" }]);
        if (main < 0) throw graph.Error($"{role}: expected a Conv reading '{input}' followed by a Relu, found none.");
        var first = units[main];
        var (second, secondOut) = Unit(graph, Only(graph, Relu(graph, first.Output, role), "Conv", role), first.Weights.OutChannels, role);
        var add = Only(graph, secondOut, "Add", role + " residual");
        string shortcutValue = OnnxGraphPatterns.OtherInput(add, secondOut);
        ConvUnitWeights? shortcut = null;
        if (convs.Count == 2)
        {
            var projection = units[1 - main];
            if (projection.Output != shortcutValue)
                throw graph.Error($"{role}: expected {add.Describe()} to add the projection shortcut '{projection.Output}', found '{shortcutValue}'.");
            shortcut = projection.Weights;
            if (shortcut.OutChannels != second.OutChannels)
                throw graph.Error($"tensor '{shortcut.Weight.Name}' ({role} shortcut weight) has shape {shortcut.Weight.Shape}; expected {second.OutChannels} output channels.");
        }
        else if (shortcutValue != input)
            throw graph.Error($"{role}: expected {add.Describe()} to add the block input '{input}', found '{shortcutValue}'.");
        else if (second.OutChannels != channels || first.Weights.Stride != 1 || second.Stride != 1)
            throw graph.Error($"tensor '{second.Weight.Name}' ({role} second weight) changes the shape of an identity block; expected {channels} channels at stride 1.");
        return (new BasicBlockWeights(first.Weights, second, shortcut), Relu(graph, add.Outputs[0], role));
    }

    /// <summary>A Conv and the BatchNormalization that may follow it; returns the value after both.</summary>
    private static (ConvUnitWeights Weights, string Output) Unit(OnnxGraph graph, OnnxNode conv, long inChannels, string role)
    {
        var weight = OnnxGraphPatterns.RequireConstant(graph, conv.Inputs[1], role + " convolution weight");
        if (weight.Dims.Length != 4 || weight.Dims[2] != weight.Dims[3])
            throw graph.Error($"tensor '{weight.Name}' ({role} convolution weight) has shape {weight.Shape}; expected [out, in, k, k].");
        OnnxGraphPatterns.CheckShape(graph, weight, new[] { weight.Dims[0], inChannels, weight.Dims[2], weight.Dims[2] }, role + " convolution weight");
        if ((conv.Attribute("group")?.Int ?? 1) != 1 || (conv.Attribute("dilations")?.Ints ?? Array.Empty<long>()).Any(d => d != 1))
            throw graph.Error($"{role}: expected {conv.Describe()} without groups or dilation.");
        if (conv.Attribute("auto_pad")?.String is { } autoPad && autoPad != "NOTSET")
            throw graph.Error($"{role}: expected explicit pads on {conv.Describe()}, found auto_pad {autoPad}.");
        var strides = conv.Attribute("strides")?.Ints ?? new long[] { 1, 1 };
        if (strides.Count != 2 || strides[0] != strides[1]) throw graph.Error($"{role}: expected equal strides on {conv.Describe()}.");
        var pads = conv.Attribute("pads")?.Ints.ToArray() ?? new long[4];
        if (pads.Length != 4) throw graph.Error($"{role}: expected four pads on {conv.Describe()}.");
        OnnxTensor? bias = null;
        if (conv.Inputs.Count > 2 && conv.Inputs[2].Length > 0)
        {
            bias = OnnxGraphPatterns.RequireConstant(graph, conv.Inputs[2], role + " convolution bias");
            OnnxGraphPatterns.CheckShape(graph, bias, new[] { weight.Dims[0] }, role + " convolution bias");
        }
        string output = conv.Outputs[0];
        BatchNormWeights? norm = null;
        if (graph.DataConsumers(output) is [{ OpType: "BatchNormalization" } bn])
        {
            long[] width = { weight.Dims[0] };
            var tensors = Enumerable.Range(1, 4).Select(i => OnnxGraphPatterns.RequireConstant(graph, bn.Inputs[i], role + " batch norm")).ToArray();
            string[] names = { "scale", "bias", "mean", "variance" };
            for (int i = 0; i < 4; i++) OnnxGraphPatterns.CheckShape(graph, tensors[i], width, $"{role} batch norm {names[i]}");
            norm = new BatchNormWeights(tensors[0], tensors[1], tensors[2], tensors[3], bn.Attribute("epsilon")?.Float ?? 1e-5);
            output = bn.Outputs[0];
        }
        else if (bias == null)
            throw graph.Error($"{role}: expected a BatchNormalization or a bias after {conv.Describe()}, found neither.");
        return (new ConvUnitWeights(weight, bias, norm, strides[0], pads), output);
    }

    private static (long Kernel, long Stride, long[] Pads) Window(OnnxGraph graph, OnnxNode pool, string role)
    {
        var kernel = pool.Attribute("kernel_shape")?.Ints ?? Array.Empty<long>();
        var strides = pool.Attribute("strides")?.Ints ?? new long[] { 1, 1 };
        var pads = pool.Attribute("pads")?.Ints.ToArray() ?? new long[4];
        if (kernel.Count != 2 || kernel[0] != kernel[1] || strides.Count != 2 || strides[0] != strides[1] || pads.Length != 4)
            throw graph.Error($"{role}: expected a square window, equal strides and four pads on {pool.Describe()}.");
        if (pool.OpType == "AveragePool" && pads.Any(p => p != 0))
            throw graph.Error($"{role}: expected {pool.Describe()} without padding.");
        if (pool.Attribute("ceil_mode")?.Int is 1) throw graph.Error($"{role}: expected {pool.Describe()} without ceil_mode.");
        return (kernel[0], strides[0], pads);
    }

    private static string Relu(OnnxGraph graph, string value, string role) => Only(graph, value, "Relu", role).Outputs[0];

    /// <summary>The one node of <paramref name="opType"/> reading <paramref name="value"/>.</summary>
    private static OnnxNode Only(OnnxGraph graph, string value, string opType, string role)
    {
        var nodes = graph.DataConsumers(value).Where(n => n.OpType == opType).ToList();
        if (nodes.Count != 1)
            throw graph.Error($"{role}: expected one {opType} reading '{value}', found {OnnxGraphPatterns.Describe(graph.DataConsumers(value))}.");
        return nodes[0];
    }
}
