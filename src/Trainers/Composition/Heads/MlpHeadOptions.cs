using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Heads;

/// <summary>
/// Dropout -> Linear(outputs) when <see cref="Hidden"/> is 0 (AAT's head); otherwise dropout ->
/// Linear(Hidden) -> ReLU -> [dropout] -> Linear(outputs) (OTE's, TFN's). Outputs are class logits or,
/// for regression, one value.
/// </summary>
public sealed class MlpHeadOptions : HeadOptions
{
    /// <summary>The hidden layer's width; 0 for a single linear layer.</summary>
    public int Hidden { get; set; }

    /// <summary>Dropout on the fused vector (and, with <see cref="DropoutBeforeOutput"/>, on the hidden layer).</summary>
    public double Dropout { get; set; } = 0.4;

    /// <summary>A second dropout between the hidden layer and the output (OTE has one, TFN not).</summary>
    public bool DropoutBeforeOutput { get; set; }

    /// <inheritdoc/>
    public override nn.Module<Tensor, Tensor> Create(long inputWidth, int outputs)
    {
        var layers = new List<(string, nn.Module<Tensor, Tensor>)> { ("dropout1", nn.Dropout(Dropout)) };
        if (Hidden == 0)
            layers.Add(("fc", nn.Linear(inputWidth, outputs)));
        else
        {
            layers.Add(("fc1", nn.Linear(inputWidth, Hidden)));
            layers.Add(("relu", nn.ReLU()));
            if (DropoutBeforeOutput) layers.Add(("dropout2", nn.Dropout(Dropout)));
            layers.Add(("fc2", nn.Linear(Hidden, outputs)));
        }
        return nn.Sequential(layers);
    }
}
