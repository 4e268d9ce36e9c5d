using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// A log spectrogram [batch, channels, freq, time] -> a 3-channel "image" for an ImageNet network:
/// each row's channels standardized over the frames that hold audio (frames whose bins are all 0
/// are the transform's padding: they stay 0, the mean), then scaled by <c>scale</c> (the spread of
/// the pixels the network learned on) and made three channels by <see cref="SpectrogramImageChannels"/>.
/// </summary>
public sealed class SpectrogramAsImage : nn.Module<Tensor, Tensor>
{
    private const double Epsilon = 1e-5;
    private readonly SpectrogramImageChannels _channels;
    private readonly double _scale;

    public SpectrogramAsImage(SpectrogramImageChannels channels, double scale) : base(nameof(SpectrogramAsImage))
    {
        _channels = channels;
        _scale = scale;
    }

    public override Tensor forward(Tensor spectrogram)
    {
        using var scope = NewDisposeScope();
        var x = _channels == SpectrogramImageChannels.Replicate ? spectrogram.narrow(1, 0, 1) : spectrogram;
        var dims = new long[] { 2, 3 };
        // [b, c, 1, T]: 1 where a frame holds audio.
        var audio = x.abs().sum(2, keepdim: true).gt(TorchScalars.Of(0)).to_type(x.dtype);
        var count = audio.sum(dims, keepdim: true).mul(TorchScalars.Of(x.shape[2])).clamp_min(TorchScalars.One);
        var mean = x.mul(audio).sum(dims, keepdim: true).div(count);
        var centered = x.sub(mean).mul(audio);
        var variance = centered.mul(centered).sum(dims, keepdim: true).div(count);
        var image = centered.mul(variance.clamp_min(TorchScalars.Of(Epsilon)).rsqrt()).mul(TorchScalars.Of(_scale));
        if (_channels == SpectrogramImageChannels.Replicate) image = image.expand(-1, 3, -1, -1);
        return image.MoveToOuterDisposeScope();
    }
}
