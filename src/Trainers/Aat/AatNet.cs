using MsaMl.Trainers.Modules;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Aat;

/// <summary>
/// The AAT network: spectrogram -> audio CNN -> pooling -> [C]; BERT tokens -> Linear -> [TextOutDim];
/// concatenation -> dropout -> Linear -> class logits; optional SpecAugment masking of the spectrogram while training. Inputs: [audio [b, ch, F, T], text [b, tokens·hidden]];
/// an input the modality setting leaves out is ignored.
/// </summary>
public sealed class AatNet : nn.Module<Tensor[], Tensor>
{
    private readonly SpecAugment? augment;
    private readonly nn.Module<Tensor, Tensor>? audioEncoder;
    private readonly nn.Module<Tensor, Tensor>? pooling;
    private readonly TokenProjection? text;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public AatNet(AatOptions options, int[] audioShape, long textSize, int classes) : base(nameof(AatNet))
    {
        int fused = 0;
        if (options.Modalities != AatModalities.Text)
        {
            int inChannels = audioShape[0];
            if (options.FrequencyMasks > 0 || options.TimeMasks > 0)
                augment = new SpecAugment(options.FrequencyMasks, options.FrequencyMaskWidth, options.TimeMasks, options.TimeMaskWidth);
            audioEncoder = options.AudioEncoder switch
            {
                AatAudioEncoder.AlexNetFcn => new AlexNetFcn(inChannels, options.AudioChannels, options.LrnMode),
                AatAudioEncoder.SmallCnn => new SmallAudioCnn(inChannels, options.AudioChannels),
                _ => new PooledLinearEncoder(inChannels, options.AudioChannels),
            };
            if (options.AudioEncoder != AatAudioEncoder.Linear)
                pooling = options.Pooling switch
                {
                    AatPooling.Attention => new AttentionPooling(options.AudioChannels, options.Lambda),
                    AatPooling.OriginalCodeAttention => new PositionMixingAttentionPooling(options.AudioChannels, PositionsAfter(audioEncoder, audioShape), options.Lambda),
                    _ => new LinearPooling(PositionsAfter(audioEncoder, audioShape)),
                };
            fused += options.AudioChannels;
        }
        if (options.Modalities != AatModalities.Audio)
        {
            text = new TokenProjection(textSize, options.TextOutDim, relu: false);
            fused += options.TextOutDim;
        }
        dropout = nn.Dropout(options.Dropout);
        classifier = nn.Linear(fused, classes);
        RegisterComponents();
    }

    private static long PositionsAfter(nn.Module<Tensor, Tensor> encoder, int[] shape)
    {
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        encoder.eval();
        var output = encoder.forward(zeros(1, shape[0], shape[1], shape[2]));
        encoder.train();
        return output.shape[2] * output.shape[3];
    }

    public override Tensor forward(Tensor[] inputs)
    {
        var parts = new List<Tensor>(2);
        if (audioEncoder != null)
        {
            var map = audioEncoder.forward(augment != null ? augment.forward(inputs[0]) : inputs[0]);
            parts.Add(pooling != null ? pooling.forward(map) : map);
        }
        if (text != null) parts.Add(text.forward(inputs[1]));
        var fused = parts.Count == 1 ? parts[0] : cat(parts, 1);
        return classifier.forward(dropout.forward(fused));
    }
}
