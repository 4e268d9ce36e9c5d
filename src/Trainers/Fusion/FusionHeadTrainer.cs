using Microsoft.ML;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Fusion;

/// <summary>Trains a tensor-fusion or cross-modal-attention model on two feature columns (<see cref="FusionHeadComposition"/>) with the shared training loop.</summary>
public sealed class FusionHeadTrainer(MLContext context, FusionHeadOptions options) : TorchTrainer<FusionHeadOptions>(context, options)
{
    public const string KindName = "MsaMl.FusionHead";

    protected internal override string Kind => KindName;

    protected internal override ModelComposition Compose(FusionHeadOptions options) => FusionHeadComposition.Of(options);
}
