using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// An image encoder that starts from an ImageNet ResNet (by default the packaged ResNet-18),
/// frozen or fine-tuned: reads RGB pixels [3, height, width] (the ImageTensor transform's column,
/// any size from 32x32; 224x224 is what the network learned on), brings them to what the weights
/// expect (<see cref="ResNetImageInput"/>: the packaged model's BGR mean-image subtraction, the
/// mean image resized to the images), and returns the average of the last feature map (512 for
/// ResNet-18), optionally projected to <see cref="PretrainedResNetOptions.ProjectedSize"/>.
/// </summary>
public sealed class PretrainedImageEncoderOptions : PretrainedResNetOptions
{
    /// <summary>Reads images from the <c>ImageTensor</c> column unless set otherwise.</summary>
    public PretrainedImageEncoderOptions()
    {
        Modality = Modalities.Image;
        ColumnName = "ImageTensor";
    }

    /// <summary>How the column's pixels are scaled: the ImageTensor transform's Normalization (UnitRange, its default, unless set).</summary>
    public PixelScaling PixelScaling { get; set; } = PixelScaling.UnitRange;

    private protected override string Owner => nameof(PretrainedImageEncoderOptions);

    /// <summary>Options for the ResNet ONNX at <paramref name="modelPath"/> (and its optional preprocessing ONNX), with the layout read from the files.</summary>
    public static PretrainedImageEncoderOptions FromOnnx(string modelPath, string? preprocessModelPath = null)
    {
        var options = new PretrainedImageEncoderOptions { ModelPath = modelPath, PreprocessModelPath = preprocessModelPath };
        options.Architecture = options.ArchitectureOf(modelPath, preprocessModelPath);
        return options;
    }

    /// <summary>Checks the options; returns them.</summary>
    /// <exception cref="ArgumentException">An empty column or path, a layout or a value out of range.</exception>
    public PretrainedImageEncoderOptions Validate()
    {
        ValidateShared();
        if (!Enum.IsDefined(PixelScaling))
            throw new ArgumentOutOfRangeException(nameof(PixelScaling), $"{Owner}.PixelScaling must be UnitRange, ImageNet or Raw, got {PixelScaling}.");
        return this;
    }

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        Validate();
        RequireMap(rowShape, "RGB pixels [3, height, width] (the ImageTensor transform's)", channels: 3);
        return Encoder(new ResNetImageInput(Architecture, PixelScaling));
    }
}
