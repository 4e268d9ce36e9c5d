using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Aat;

/// <summary>
/// Options of the AAT (audio + text) trainer. Defaults follow the paper's Table 3: epochs 12,
/// learning rate 0.01, batch 64, dropout 0.4, C = 256, full LRN, lambda 0.3, text dim 256.
/// </summary>
public sealed class AatOptions : TorchTrainerOptions
{
    public AatOptions()
    {
        Epochs = 12;
        LearningRate = 0.01;
        BatchSize = 64;
    }

    /// <summary>Spectrogram column ([channels, freq, time] with its shape annotation, from LogSpectrogram).</summary>
    public string AudioColumnName { get; set; } = "Spectrogram";

    /// <summary>BERT token embeddings column ([tokens, hidden], from BertEmbedding).</summary>
    public string TextColumnName { get; set; } = "TextTokens";

    /// <summary>The modalities the model reads: audio, text or both (the paper's ablations); one encoder each.</summary>
    public Modalities Modalities { get; set; } = Modalities.Audio | Modalities.Text;
    public AatAudioEncoder AudioEncoder { get; set; } = AatAudioEncoder.AlexNetFcn;
    public AatPooling Pooling { get; set; } = AatPooling.Attention;

    /// <summary>Output channels C of the audio network.</summary>
    public int AudioChannels { get; set; } = 256;

    public LrnMode LrnMode { get; set; } = LrnMode.Full;

    /// <summary>Softmax temperature lambda of the attention (eq. 2).</summary>
    public double Lambda { get; set; } = 0.3;

    /// <summary>Size of the text projection.</summary>
    public int TextOutDim { get; set; } = 256;

    /// <summary>Dropout before the classifier.</summary>
    public double Dropout { get; set; } = 0.4;

    /// <summary>
    /// SpecAugment while training (<see cref="SpecAugment"/>): frequency bands masked per row
    /// (0 turns frequency masking off), each 0 to <see cref="FrequencyMaskWidth"/> bins wide.
    /// </summary>
    public int FrequencyMasks { get; set; }

    /// <summary>Widest frequency mask, in bins.</summary>
    public int FrequencyMaskWidth { get; set; } = 8;

    /// <summary>SpecAugment while training: time spans masked per row (0 turns time masking off), each 0 to <see cref="TimeMaskWidth"/> frames long.</summary>
    public int TimeMasks { get; set; }

    /// <summary>Longest time mask, in frames.</summary>
    public int TimeMaskWidth { get; set; } = 20;

    /// <inheritdoc/>
    public override void Validate()
    {
        base.Validate();
        OptionCheck.Positive(AudioChannels, nameof(AudioChannels));
        OptionCheck.Positive(TextOutDim, nameof(TextOutDim));
        OptionCheck.Require(Lambda > 0, nameof(Lambda), Lambda, "expected a positive temperature");
        OptionCheck.Dropout(Dropout, nameof(Dropout));
        OptionCheck.Require(FrequencyMasks >= 0, nameof(FrequencyMasks), FrequencyMasks, "expected 0 (off) or more masks");
        OptionCheck.Require(FrequencyMaskWidth >= 0, nameof(FrequencyMaskWidth), FrequencyMaskWidth, "expected 0 or more bins");
        OptionCheck.Require(TimeMasks >= 0, nameof(TimeMasks), TimeMasks, "expected 0 (off) or more masks");
        OptionCheck.Require(TimeMaskWidth >= 0, nameof(TimeMaskWidth), TimeMaskWidth, "expected 0 or more frames");
    }
}
