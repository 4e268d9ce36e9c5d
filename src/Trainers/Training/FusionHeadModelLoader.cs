using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Fusion;

namespace MsaMl.Trainers.Training;

internal sealed class FusionHeadModelLoader : TorchModelLoader<FusionHeadOptions>
{
    public override string Kind => FusionHeadTrainer.KindName;
    protected override ModelComposition Compose(FusionHeadOptions options) => FusionHeadComposition.Of(options);
}
