using MsaMl.Trainers.Modules;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// An audio encoder that reads the log spectrogram as an image and starts from an ImageNet ResNet
/// (by default the packaged ResNet-18) — a known help on small speech corpora, where a network
/// learned from scratch overfits. Reads the <c>Spectrogram</c> column [channels, freq, time] (the
/// LogSpectrogram transform's, mel or linear bins, at least 32 of each) and keeps its size (the
/// network's pooling makes it size-free; resizing to 224 would cost time and stretch the bins).
/// Each row is standardized over the frames that hold audio and scaled to the spread of the
/// network's pixels (<see cref="SpectrogramAsImage"/>), made three channels (<see cref="Channels"/>),
/// run through the ResNet and averaged over frequency and time: 512 values for ResNet-18,
/// optionally projected. Frozen (the default) or fine-tuned by <see cref="PretrainedResNetOptions.TrainableStages"/>.
/// Frames whose bins are all 0 are taken for the transform's zero padding and left out of each
/// row's standardization; make the column with the LogSpectrogram transform's Standardization None
/// or PerUtterance (Dataset standardization shifts the padding away from 0, so it counts as audio).
/// Sides that are not a multiple of 32 are padded with zeros (the standardized mean) up to one.
/// </summary>
public sealed class PretrainedSpectrogramEncoderOptions : PretrainedResNetOptions
{
    /// <summary>Reads audio from the <c>Spectrogram</c> column unless set otherwise.</summary>
    public PretrainedSpectrogramEncoderOptions()
    {
        Modality = Modalities.Audio;
        ColumnName = "Spectrogram";
    }

    /// <summary>
    /// The image channels. Replicate (default): the log spectrogram copied into all three — the
    /// pretrained stem's filters see a gray image, the kind of input they learned edges and textures
    /// on, while delta channels would arrive as colour, which those filters treat as colour contrast;
    /// it also works whether or not the column has delta channels. Column: the column's three
    /// channels (log spectrogram, delta, delta-delta).
    /// </summary>
    public SpectrogramImageChannels Channels { get; set; } = SpectrogramImageChannels.Replicate;

    /// <summary>
    /// The standardized spectrogram is multiplied by this before the network when the weights expect
    /// 0-255 pixels minus a mean (the packaged ResNet-18): ImageNet pixels' standard deviation on that
    /// scale. Networks that take ImageNet-standardized input get the standardized values as they are.
    /// </summary>
    public const double PixelSpread = 57.4;

    private protected override string Owner => nameof(PretrainedSpectrogramEncoderOptions);

    /// <summary>Options for the ResNet ONNX at <paramref name="modelPath"/> (and its optional preprocessing ONNX), with the layout read from the files.</summary>
    public static PretrainedSpectrogramEncoderOptions FromOnnx(string modelPath, string? preprocessModelPath = null)
    {
        var options = new PretrainedSpectrogramEncoderOptions { ModelPath = modelPath, PreprocessModelPath = preprocessModelPath };
        options.Architecture = options.ArchitectureOf(modelPath, preprocessModelPath);
        return options;
    }

    /// <summary>Checks the options; returns them.</summary>
    /// <exception cref="ArgumentException">An empty column or path, a layout or a value out of range.</exception>
    public PretrainedSpectrogramEncoderOptions Validate()
    {
        ValidateShared();
        if (!Enum.IsDefined(Channels))
            throw new ArgumentOutOfRangeException(nameof(Channels), $"{Owner}.Channels must be Replicate or Column, got {Channels}.");
        return this;
    }

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        Validate();
        bool column = Channels == SpectrogramImageChannels.Column;
        RequireMap(rowShape, column ? "a 3-channel spectrogram [3, freq, time] (Channels is Column)" : "a spectrogram [channels, freq, time]", channels: column ? 3 : 0);
        return Encoder(new SpectrogramAsImage(Channels, Architecture.HasMeanImage ? PixelSpread : 1));
    }
}
