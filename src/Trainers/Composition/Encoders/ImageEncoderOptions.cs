using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Ote;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>An image as [3, H, W] pixels (small CNN or ResNet-50) or a pretrained feature vector (Linear -> ReLU) -> [OutDim] (OTE's image branch).</summary>
public sealed class ImageEncoderOptions : EncoderOptions
{
    /// <summary>Reads images from the <c>ImageTensor</c> column unless set otherwise.</summary>
    public ImageEncoderOptions()
    {
        Modality = Modalities.Image;
        ColumnName = "ImageTensor";
    }

    /// <summary>The network over the image input.</summary>
    public OteImageEncoder Network { get; set; } = OteImageEncoder.SmallCnn;

    /// <summary>The length of the encoded vector.</summary>
    public int OutDim { get; set; } = 64;

    /// <summary>Channels of the small CNN's second and third convolutions (the paper: 516 and 1024).</summary>
    public int[] SmallCnnWidths { get; set; } = { 516, 1024 };

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape) => new(Network switch
    {
        OteImageEncoder.SmallCnn => RequirePixels(new SmallImageCnn(OutDim, SmallCnnWidths[0], SmallCnnWidths[1]), rowShape),
        OteImageEncoder.ResNet50 => RequirePixels(torchvision.models.resnet50(num_classes: OutDim, norm_layer: features => new BatchNorm2dCounted(features)), rowShape),
        _ => new FeatureProjection(rowShape.Aggregate(1L, (a, b) => a * b), OutDim),
    }, OutDim);

    private nn.Module<Tensor, Tensor> RequirePixels(nn.Module<Tensor, Tensor> encoder, int[] shape) =>
        shape.Length == 3 && shape[0] == 3
            ? encoder
            : throw new ArgumentException($"Image column '{ColumnName}': the image CNNs need [3, height, width] pixels (ImageTensor); found [{string.Join(", ", shape)}]. Use the Features network for feature vectors.");
}
