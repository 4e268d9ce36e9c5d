using Microsoft.ML;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Fusion;

/// <summary>Trains a tensor-fusion or cross-modal-attention head on two feature columns with the shared training loop.</summary>
public sealed class FusionHeadTrainer(MLContext context, FusionHeadOptions options) : TorchTrainer<FusionHeadOptions>(context, options)
{
    public const string KindName = "MsaMl.FusionHead";

    protected internal override string Kind => KindName;

    protected internal override string[] FeatureColumns(FusionHeadOptions o) => new[] { o.FirstColumnName, o.SecondColumnName };

    protected internal override nn.Module<Tensor[], Tensor> CreateNetwork(FusionHeadOptions o, int[][] shapes, int classes) => BuildNetwork(o, shapes, classes);

    internal static nn.Module<Tensor[], Tensor> BuildNetwork(FusionHeadOptions o, int[][] shapes, int classes)
    {
        var (_, firstWidth) = SequenceView.Of(shapes[0]);
        var (_, secondWidth) = SequenceView.Of(shapes[1]);
        return o.Head == FusionHead.TensorFusion
            ? new TensorFusion(firstWidth, secondWidth, o.Width, o.Hidden, o.Dropout, classes)
            : new CrossModalAttention(firstWidth, secondWidth, o.Width, o.Heads, o.Hidden, o.Dropout, classes);
    }
}
