using MsaMl.Trainers.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Modules;

/// <summary>
/// Cross-modal attention fusion: both modalities become sequences projected to one width; the
/// text steps attend over the other modality's steps and those attend over the text (multi-head
/// attention, padding masked), each with a residual and layer norm; the masked means of both
/// attended sequences are concatenated and classified.
/// </summary>
public sealed class CrossModalAttention : nn.Module<Tensor[], Tensor>
{
    private readonly Linear firstProjection;
    private readonly Linear secondProjection;
    private readonly MultiheadAttention secondToFirst;
    private readonly MultiheadAttention firstToSecond;
    private readonly LayerNorm firstNorm;
    private readonly LayerNorm secondNorm;
    private readonly Sequential classifier;

    public CrossModalAttention(long firstWidth, long secondWidth, int width, int heads, int hidden, double dropout, int classes) : base(nameof(CrossModalAttention))
    {
        firstProjection = nn.Linear(firstWidth, width);
        secondProjection = nn.Linear(secondWidth, width);
        secondToFirst = nn.MultiheadAttention(width, heads, dropout: dropout);
        firstToSecond = nn.MultiheadAttention(width, heads, dropout: dropout);
        firstNorm = nn.LayerNorm(width);
        secondNorm = nn.LayerNorm(width);
        classifier = nn.Sequential(
            ("dropout", nn.Dropout(dropout)),
            ("fc1", nn.Linear(2L * width, hidden)),
            ("relu", nn.ReLU()),
            ("fc2", nn.Linear(hidden, classes)));
        RegisterComponents();
    }

    public override Tensor forward(Tensor[] inputs)
    {
        var firstRaw = SequenceView.Apply(inputs[0]);
        var secondRaw = SequenceView.Apply(inputs[1]);
        var firstMask = SequenceView.PaddingMask(firstRaw);
        var secondMask = SequenceView.PaddingMask(secondRaw);
        var a = firstProjection.forward(firstRaw).transpose(0, 1);   // [L1, batch, width]
        var b = secondProjection.forward(secondRaw).transpose(0, 1); // [L2, batch, width]

        var (bAttended, _) = secondToFirst.forward(b, a, a, firstMask, false, null);
        var (aAttended, _) = firstToSecond.forward(a, b, b, secondMask, false, null);
        var second = secondNorm.forward(b.add(bAttended, TorchScalars.One));
        var first = firstNorm.forward(a.add(aAttended, TorchScalars.One));
        return classifier.forward(cat(new[] { MaskedMean(first, firstMask), MaskedMean(second, secondMask) }, 1));
    }

    private static Tensor MaskedMean(Tensor sequence, Tensor padding)
    {
        var keep = padding.logical_not().transpose(0, 1).unsqueeze(-1).to_type(ScalarType.Float32); // [L, batch, 1]
        return (sequence * keep).sum(dim: 0) / keep.sum(dim: 0).clamp_min(TorchScalars.One);
    }
}
