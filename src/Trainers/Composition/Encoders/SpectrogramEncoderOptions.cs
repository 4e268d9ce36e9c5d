using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Composition.Encoders;

/// <summary>
/// A spectrogram [channels, freq, time] -> a CNN (AlexNet-FCN or the small CNN) and a pooling over
/// positions, or the pooled linear map -> a vector of <see cref="Channels"/> (AAT's audio branch).
/// </summary>
public sealed class SpectrogramEncoderOptions : EncoderOptions
{
    /// <summary>Reads audio from the <c>Spectrogram</c> column unless set otherwise.</summary>
    public SpectrogramEncoderOptions()
    {
        Modality = Modalities.Audio;
        ColumnName = "Spectrogram";
    }

    /// <summary>The network over the spectrogram.</summary>
    public AatAudioEncoder Network { get; set; } = AatAudioEncoder.AlexNetFcn;

    /// <summary>How the feature map is pooled over positions (not used by <see cref="AatAudioEncoder.Linear"/>).</summary>
    public AatPooling Pooling { get; set; } = AatPooling.Attention;

    /// <summary>Output channels C of the network, the length of the encoded vector.</summary>
    public int Channels { get; set; } = 256;

    /// <summary>AlexNet's local response normalization span.</summary>
    public LrnMode LrnMode { get; set; } = LrnMode.Full;

    /// <summary>Softmax temperature lambda of the attention pooling (the paper's eq. 2).</summary>
    public double Lambda { get; set; } = 0.3;

    /// <summary>SpecAugment while training (<see cref="SpecAugment"/>): frequency bands masked per row; 0 turns it off.</summary>
    public int FrequencyMasks { get; set; }

    /// <summary>Widest frequency mask, in bins.</summary>
    public int FrequencyMaskWidth { get; set; } = 8;

    /// <summary>SpecAugment while training: time spans masked per row; 0 turns it off.</summary>
    public int TimeMasks { get; set; }

    /// <summary>Longest time mask, in frames.</summary>
    public int TimeMaskWidth { get; set; } = 20;

    /// <inheritdoc/>
    public override EncoderModule Create(int[] rowShape)
    {
        if (rowShape.Length != 3)
            throw new ArgumentException($"Audio column '{ColumnName}' must be [channels, freq, time]; found [{string.Join(", ", rowShape)}].");
        int inChannels = rowShape[0];
        nn.Module<Tensor, Tensor> network = Network switch
        {
            AatAudioEncoder.AlexNetFcn => new AlexNetFcn(inChannels, Channels, LrnMode),
            AatAudioEncoder.SmallCnn => new SmallAudioCnn(inChannels, Channels),
            _ => new PooledLinearEncoder(inChannels, Channels),
        };
        nn.Module<Tensor, Tensor>? pooling = Network == AatAudioEncoder.Linear ? null : Pooling switch
        {
            AatPooling.Attention => new AttentionPooling(Channels, Lambda),
            AatPooling.OriginalCodeAttention => new PositionMixingAttentionPooling(Channels, PositionsAfter(network, rowShape), Lambda),
            _ => new LinearPooling(PositionsAfter(network, rowShape)),
        };
        var augment = FrequencyMasks > 0 || TimeMasks > 0 ? new SpecAugment(FrequencyMasks, FrequencyMaskWidth, TimeMasks, TimeMaskWidth) : null;
        return new EncoderModule(new SpectrogramEncoder(network, pooling, augment), Channels);
    }

    private static long PositionsAfter(nn.Module<Tensor, Tensor> network, int[] shape)
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        network.eval();
        var output = network.forward(zeros(1, shape[0], shape[1], shape[2]));
        network.train();
        return output.shape[2] * output.shape[3];
    }
}
