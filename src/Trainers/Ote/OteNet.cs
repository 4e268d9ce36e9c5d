using MsaMl.Trainers.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Ote;

/// <summary>
/// The OTE network: image -> small CNN | ResNet-50 | feature projection -> [ImageOutDim];
/// BERT tokens -> Linear -> ReLU -> [TextOutDim]; both -> <see cref="FusionEncoder"/> -> logits.
/// Inputs: [image, text]; an input the modality setting leaves out is ignored.
/// </summary>
public sealed class OteNet : nn.Module<Tensor[], Tensor>
{
    private readonly nn.Module<Tensor, Tensor>? image;
    private readonly TokenProjection? text;
    private readonly FusionEncoder fusion;

    public OteNet(OteOptions options, int[] imageShape, long textSize, int classes) : base(nameof(OteNet))
    {
        var dims = new List<int>();
        if (options.Modalities != OteModalities.Text)
        {
            image = options.ImageEncoder switch
            {
                OteImageEncoder.SmallCnn => RequirePixels(new SmallImageCnn(options.ImageOutDim, options.SmallCnnWidths[0], options.SmallCnnWidths[1]), imageShape),
                OteImageEncoder.ResNet50 => RequirePixels(torchvision.models.resnet50(num_classes: options.ImageOutDim), imageShape),
                _ => new FeatureProjection(imageShape.Aggregate(1L, (a, b) => a * b), options.ImageOutDim),
            };
            dims.Add(options.ImageOutDim);
        }
        if (options.Modalities != OteModalities.Image)
        {
            text = new TokenProjection(textSize, options.TextOutDim, relu: true);
            dims.Add(options.TextOutDim);
        }
        fusion = new FusionEncoder(dims.ToArray(), options.Fusion == OteFusion.CrossModal, options.CrossModalDim, options.Heads,
            options.FeedForwardDim, options.AttentionDropout, options.Hidden, options.Dropout, classes);
        RegisterComponents();
    }

    private static nn.Module<Tensor, Tensor> RequirePixels(nn.Module<Tensor, Tensor> encoder, int[] shape) =>
        shape.Length == 3 && shape[0] == 3
            ? encoder
            : throw new ArgumentException($"The image CNNs need [3, height, width] pixels (ImageTensor); found [{string.Join(", ", shape)}]. Use ImageEncoder = Features for feature vectors.");

    public override Tensor forward(Tensor[] inputs)
    {
        var parts = new List<Tensor>(2);
        if (image != null) parts.Add(image.forward(inputs[0]));
        if (text != null) parts.Add(text.forward(inputs[1]));
        return fusion.forward(parts.ToArray());
    }
}
