using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>A spectrogram network followed by an optional pooling of its feature map (and optional SpecAugment masking of its input while training).</summary>
public sealed class SpectrogramEncoder : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> network;
    private readonly nn.Module<Tensor, Tensor>? pooling;
    private readonly SpecAugment? augment;

    /// <summary>The network, (unless it already returns a vector) the pooling, and the masking (null: none; it has no parameters).</summary>
    public SpectrogramEncoder(nn.Module<Tensor, Tensor> network, nn.Module<Tensor, Tensor>? pooling, SpecAugment? augment = null) : base(nameof(SpectrogramEncoder))
    {
        this.network = network;
        this.pooling = pooling;
        this.augment = augment;
        RegisterComponents();
    }

    /// <summary>[batch, channels, freq, time] -> [batch, C].</summary>
    public override Tensor forward(Tensor input)
    {
        var map = network.forward(augment != null ? augment.forward(input) : input);
        return pooling != null ? pooling.forward(map) : map;
    }
}
