using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Ote;

/// <summary>
/// Options of the OTE (image + text) trainer. Defaults follow the paper's Table 4: epochs 20,
/// learning rate 0.001, batch 64, dropout 0.4, image and text dims 64, hidden 20, 4 heads,
/// feed-forward 2048, small CNN.
/// </summary>
public sealed class OteOptions : TorchTrainerOptions
{
    public OteOptions()
    {
        Epochs = 20;
        LearningRate = 0.001;
        BatchSize = 64;
    }

    /// <summary>Image column: [3, H, W] pixels (ImageTensor) or a feature vector (PretrainedImageFeatures).</summary>
    public string ImageColumnName { get; set; } = "ImageTensor";

    /// <summary>BERT token embeddings column ([tokens, hidden]).</summary>
    public string TextColumnName { get; set; } = "TextTokens";

    /// <summary>The modalities the model reads: image, text or both (the paper's ablations); one encoder each.</summary>
    public Modalities Modalities { get; set; } = Modalities.Image | Modalities.Text;
    public OteImageEncoder ImageEncoder { get; set; } = OteImageEncoder.SmallCnn;
    public OteFusion Fusion { get; set; } = OteFusion.Paper;
    public int ImageOutDim { get; set; } = 64;

    /// <summary>Channels of the small CNN's second and third convolutions (the paper: 516 and 1024).</summary>
    public int[] SmallCnnWidths { get; set; } = { 516, 1024 };
    public int TextOutDim { get; set; } = 64;

    /// <summary>Token width of <see cref="OteFusion.CrossModal"/>.</summary>
    public int CrossModalDim { get; set; } = 64;

    public int Heads { get; set; } = 4;
    public int FeedForwardDim { get; set; } = 2048;
    public double AttentionDropout { get; set; } = 0.1;
    public int Hidden { get; set; } = 20;
    public double Dropout { get; set; } = 0.4;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        OptionCheck.Positive(ImageOutDim, nameof(ImageOutDim));
        OptionCheck.Positive(TextOutDim, nameof(TextOutDim));
        OptionCheck.Positive(CrossModalDim, nameof(CrossModalDim));
        OptionCheck.Positive(Heads, nameof(Heads));
        OptionCheck.Positive(FeedForwardDim, nameof(FeedForwardDim));
        OptionCheck.Positive(Hidden, nameof(Hidden));
        OptionCheck.Require(SmallCnnWidths is { Length: 2 } && SmallCnnWidths.All(w => w >= 1), nameof(SmallCnnWidths), SmallCnnWidths is null ? null : $"[{string.Join(", ", SmallCnnWidths)}]",
            "expected two positive widths");
        OptionCheck.Dropout(Dropout, nameof(Dropout));
        OptionCheck.Dropout(AttentionDropout, nameof(AttentionDropout));
    }
}
