using MsaMl.Trainers.Pretrained;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// RGB pixels [batch, 3, height, width] in the column's <see cref="PixelScaling"/> -> what a
/// pretrained ResNet's weights expect: with a mean image (the packaged ResNet-18), 0-255 values in
/// the architecture's channel order minus the mean image (resized bilinearly when the images have
/// another size; a buffer, saved with the model, never trained); without one, ImageNet-standardized
/// RGB ((x/255 - mean) / std, torchvision's convention).
/// </summary>
public sealed class ResNetImageInput : nn.Module<Tensor, Tensor>
{
    /// <summary>ImageNet's per-channel RGB mean and standard deviation on the [0, 1] scale.</summary>
    private static readonly float[] ImageNetMean = { 0.485f, 0.456f, 0.406f }, ImageNetStd = { 0.229f, 0.224f, 0.225f };

    private readonly long[] _order;
    private readonly float[] _scale, _offset;
    private readonly bool _meanImage;

    /// <summary>Input for a network of <paramref name="architecture"/>, from pixels scaled as <paramref name="scaling"/>.</summary>
    public ResNetImageInput(ResNetArchitecture architecture, PixelScaling scaling) : base(nameof(ResNetImageInput))
    {
        _meanImage = architecture.HasMeanImage;
        _order = architecture.ChannelOrder.Select(c => (long)c).ToArray();
        // Per channel: to 0-255 (mean image) or to ImageNet-standardized values, y = x * scale + offset.
        (_scale, _offset) = (new float[3], new float[3]);
        for (int c = 0; c < 3; c++)
        {
            float m = ImageNetMean[c], s = ImageNetStd[c];
            (_scale[c], _offset[c]) = (scaling, _meanImage) switch
            {
                (PixelScaling.Raw, true) => (1f, 0f),
                (PixelScaling.UnitRange, true) => (255f, 0f),
                (PixelScaling.ImageNet, true) => (255f * s, 255f * m),
                (PixelScaling.Raw, false) => (1f / (255f * s), -m / s),
                (PixelScaling.UnitRange, false) => (1f / s, -m / s),
                _ => (1f, 0f),
            };
        }
        if (_meanImage) register_buffer("mean_image", zeros(1, 3, architecture.MeanImageHeight, architecture.MeanImageWidth));
    }

    /// <summary>Copies the packaged preprocessing's mean image in (nothing when the architecture has none).</summary>
    internal void LoadMeanImage(ImagePreprocessWeights? preprocess)
    {
        if (_meanImage && preprocess != null) OnnxWeightCopy.Into(get_buffer("mean_image")!, preprocess.MeanImage, "preprocessing mean image");
    }

    public override Tensor forward(Tensor pixels)
    {
        using var scope = NewDisposeScope();
        var scale = tensor(_scale, new long[] { 1, 3, 1, 1 }, device: pixels.device);
        var offset = tensor(_offset, new long[] { 1, 3, 1, 1 }, device: pixels.device);
        var x = pixels.mul(scale).add(offset, Training.TorchScalars.One);
        if (_meanImage)
        {
            var mean = get_buffer("mean_image")!;
            if (mean.shape[2] != x.shape[2] || mean.shape[3] != x.shape[3])
                mean = nn.functional.interpolate(mean, new[] { x.shape[2], x.shape[3] }, mode: InterpolationMode.Bilinear, align_corners: false);
            x = x.index_select(1, tensor(_order, device: pixels.device)).sub(mean);
        }
        return x.MoveToOuterDisposeScope();
    }
}
