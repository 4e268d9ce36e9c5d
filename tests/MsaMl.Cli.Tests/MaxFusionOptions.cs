using MsaMl.Trainers.Composition;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Cli.Tests;

/// <summary>
/// A fusion the library does not have, defined here to show that a new part reaches
/// <c>msa train --config</c> without a line in Experiments: every input projected to
/// <see cref="Width"/>, then the element-wise maximum over the inputs.
/// </summary>
public sealed class MaxFusionOptions : FusionOptions
{
    /// <summary>The common width of the projections and of the fused vector.</summary>
    public int Width { get; set; } = 16;

    /// <inheritdoc/>
    public override FusionModule Create(IReadOnlyList<long> inputWidths) => new(new MaxFusion(inputWidths, Width), Width);
}

/// <summary>[batch, d_i] for each input -> [batch, width]: the maximum of the inputs' projections.</summary>
public sealed class MaxFusion : nn.Module<Tensor[], Tensor>
{
    private readonly ModuleList<Linear> projections;

    /// <summary>One projection per input.</summary>
    public MaxFusion(IReadOnlyList<long> widths, int width) : base(nameof(MaxFusion))
    {
        projections = new ModuleList<Linear>(widths.Select(w => nn.Linear(w, width)).ToArray());
        RegisterComponents();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor[] inputs) =>
        stack(inputs.Select((x, i) => projections[i].forward(x)).ToArray(), 0).amax(new long[] { 0 });
}
