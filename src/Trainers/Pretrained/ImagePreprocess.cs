using static TorchSharp.torch;

namespace MsaMl.Trainers.Pretrained;

/// <summary>The packaged preprocessing graph in TorchSharp: reorder the channels, subtract the mean image (a buffer, not trained).</summary>
internal sealed class ImagePreprocess : nn.Module<Tensor, Tensor>
{
    private readonly long[] _order;

    public ImagePreprocess(ImagePreprocessWeights weights) : base(nameof(ImagePreprocess))
    {
        _order = weights.ChannelOrder.Select(c => (long)c).ToArray();
        register_buffer("mean_image", zeros(weights.MeanImage.Dims));
        OnnxWeightCopy.Into(get_buffer("mean_image")!, weights.MeanImage, "preprocessing mean image");
    }

    public long Height => get_buffer("mean_image")!.shape[2];

    public long Width => get_buffer("mean_image")!.shape[3];

    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var order = tensor(_order, device: pixels.device);
        return pixels.index_select(1, order).sub(get_buffer("mean_image")!).MoveToOuterDisposeScope();
    }
}
