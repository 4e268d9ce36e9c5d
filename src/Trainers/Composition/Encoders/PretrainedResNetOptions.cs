using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Pretrained;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// What the encoders that start from an ImageNet ResNet share (<see cref="PretrainedImageEncoderOptions"/>,
/// <see cref="PretrainedSpectrogramEncoderOptions"/>): the ONNX model, its layout, which stages
/// learn and at what rate. The weights come from the ONNX model when training starts; the layout
/// is kept in <see cref="Architecture"/>, so a saved model re-creates the encoder without the ONNX
/// file and loads its (fine-tuned) weights, batch-norm statistics and mean image from the bundle.
/// </summary>
public abstract class PretrainedResNetOptions : EncoderOptions
{
    /// <summary>
    /// A basic-block ResNet ONNX (ResNet-18/34) to start from; null: the packaged ResNet-18 of
    /// Microsoft.ML.DnnImageFeaturizer.ResNet18 (the application must reference that package, which
    /// copies it next to the application). Read only when training starts.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>
    /// With <see cref="ModelPath"/>: a preprocessing ONNX of the packaged kind (reorder the channels,
    /// subtract a mean image) that the model expects before it; null: the model takes
    /// ImageNet-standardized RGB (torchvision's exports). Ignored without ModelPath (the packaged one is used).
    /// </summary>
    public string? PreprocessModelPath { get; set; }

    /// <summary>The network's layout, which must be the model's (the packaged ResNet-18's unless set; <c>FromOnnx</c> reads a file's).</summary>
    public ResNetArchitecture Architecture { get; set; } = ResNetArchitecture.PackagedResNet18;

    /// <summary>
    /// 0: the ResNet is frozen (a feature extractor, the default); k: its top k residual stages
    /// learn (ResNet-18 has 4: 64, 128, 256 and 512 channels); -1: all stages and the stem learn.
    /// </summary>
    public int TrainableStages { get; set; }

    /// <summary>
    /// The ResNet's learning rate as a multiple of the trainer's <c>LearningRate</c> (the projection,
    /// the fusion and the head learn at that): 0.1 gives 1e-4 for the default 1e-3, a usual rate to
    /// fine-tune an ImageNet network with Adam.
    /// </summary>
    public double LearningRateMultiplier { get; set; } = 0.1;

    /// <summary>
    /// Batch normalization of the stages that learn. False (default): it keeps normalizing with the
    /// pretrained running statistics, which never change, while its scale and shift learn — stable
    /// with the small batches these trainers use. True: while training it normalizes with each
    /// batch's statistics and updates the running ones (momentum 0.1), which scoring then uses — for
    /// large batches of data far from ImageNet. Frozen stages always keep their running statistics.
    /// </summary>
    public bool TrainBatchNorm { get; set; }

    /// <summary>0: the encoded vector is the 512 pooled features; n: a linear projection of them to n.</summary>
    public int ProjectedSize { get; set; }

    /// <summary>The options' class name, for errors.</summary>
    private protected abstract string Owner { get; }

    /// <summary>Checks the shared options; throws a one-line error naming the option.</summary>
    private protected void ValidateShared()
    {
        if (string.IsNullOrWhiteSpace(ColumnName)) throw new ArgumentException($"{Owner}.ColumnName must name the input column.", nameof(ColumnName));
        if (ModelPath != null && string.IsNullOrWhiteSpace(ModelPath)) throw new ArgumentException($"{Owner}.ModelPath must be null (the packaged ResNet-18) or a file path.", nameof(ModelPath));
        if (PreprocessModelPath != null && string.IsNullOrWhiteSpace(PreprocessModelPath)) throw new ArgumentException($"{Owner}.PreprocessModelPath must be null or a file path.", nameof(PreprocessModelPath));
        if (Architecture == null) throw new ArgumentNullException(nameof(Architecture), $"{Owner}.Architecture must give the network's layout.");
        Architecture.Validate($"{Owner}.Architecture");
        int stages = Architecture.StageCount;
        if (TrainableStages < -1 || TrainableStages > stages)
            throw new ArgumentOutOfRangeException(nameof(TrainableStages), $"{Owner}.TrainableStages must be -1 (all and the stem), 0 (frozen) or up to {stages} (the stages), got {TrainableStages}.");
        if (!(LearningRateMultiplier > 0) || double.IsInfinity(LearningRateMultiplier))
            throw new ArgumentOutOfRangeException(nameof(LearningRateMultiplier), $"{Owner}.LearningRateMultiplier must be positive, got {LearningRateMultiplier}.");
        if (ProjectedSize < 0 || ProjectedSize > 65536)
            throw new ArgumentOutOfRangeException(nameof(ProjectedSize), $"{Owner}.ProjectedSize must be 0 (no projection) to 65536, got {ProjectedSize}.");
    }

    /// <summary>Refuses a [channels, height, width] row the network cannot take; <paramref name="what"/> names the column's content.</summary>
    private protected void RequireMap(int[] rowShape, string what, int channels)
    {
        if (rowShape.Length != 3 || (channels > 0 && rowShape[0] != channels) || rowShape[0] < 1)
            throw new ArgumentException($"{Owner}: column '{ColumnName}' must hold {what}; found shape [{string.Join(", ", rowShape)}].");
        if (rowShape[1] < MinimumSide || rowShape[2] < MinimumSide)
            throw new ArgumentException($"{Owner}: column '{ColumnName}' is {rowShape[1]}x{rowShape[2]}; the ResNet needs at least {MinimumSide}x{MinimumSide}.");
    }

    /// <summary>The smallest height and width taken: the network reduces them 32-fold.</summary>
    public const int MinimumSide = 32;

    /// <summary>The encoder over <paramref name="input"/> (the pixels or spectrogram adapter).</summary>
    private protected EncoderModule Encoder(nn.Module<Tensor, Tensor> input)
    {
        var encoder = new PretrainedResNetEncoder(input, Architecture, TrainableStages, LearningRateMultiplier, TrainBatchNorm, ProjectedSize);
        return new EncoderModule(encoder, encoder.Width);
    }

    /// <summary>Copies the weights of <see cref="ModelPath"/> (or the packaged ResNet-18's) into the encoder; the model's layout must be <see cref="Architecture"/>.</summary>
    public override void InitializeForTraining(nn.Module<Tensor, Tensor> module)
    {
        var (model, preprocess) = Files(ModelPath, PreprocessModelPath);
        var (weights, preprocessWeights) = Read(model, preprocess);
        string? difference = Architecture.FirstDifference(ResNetArchitecture.Of(weights, preprocessWeights));
        if (difference != null)
            throw new InvalidDataException($"{model}: {Owner}.Architecture does not fit the model (options, file: {difference}); create the options with {Owner}.FromOnnx.");
        var encoder = (PretrainedResNetEncoder)module;
        encoder.ResNet.LoadWeights(weights);
        (encoder.Input as ResNetImageInput)?.LoadMeanImage(preprocessWeights);
    }

    /// <summary>The layout of the ResNet ONNX at <paramref name="modelPath"/> with its optional preprocessing ONNX.</summary>
    private protected ResNetArchitecture ArchitectureOf(string modelPath, string? preprocessPath)
    {
        var (weights, preprocess) = Read(ExistingFile(modelPath, nameof(ModelPath)), preprocessPath == null ? null : ExistingFile(preprocessPath, nameof(PreprocessModelPath)));
        return ResNetArchitecture.Of(weights, preprocess);
    }

    private (string Model, string? Preprocess) Files(string? modelPath, string? preprocessPath)
    {
        if (modelPath != null)
            return (ExistingFile(modelPath, nameof(ModelPath)), preprocessPath == null ? null : ExistingFile(preprocessPath, nameof(PreprocessModelPath)));
        return PretrainedResNet.PackagedFiles($"{Owner}.ModelPath null");
    }

    private static (ResNetWeights, ImagePreprocessWeights?) Read(string model, string? preprocess) =>
        (ResNetGraphMatcher.Match(OnnxModelReader.Read(model)),
         preprocess == null ? null : ResNetGraphMatcher.MatchPreprocess(OnnxModelReader.Read(preprocess)));

    private string ExistingFile(string path, string option) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"{Owner}.{option}: no file {path}.", path);
}
