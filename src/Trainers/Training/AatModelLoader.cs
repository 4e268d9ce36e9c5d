using System.Text.Json.Nodes;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;

namespace MsaMl.Trainers.Training;

internal sealed class AatModelLoader : TorchModelLoader<AatOptions>
{
    public override string Kind => AatTrainer.KindName;
    protected override ModelComposition Compose(AatOptions options) => AatComposition.Of(options);
    protected override void UpgradeFormat1(JsonObject options) => UpgradeModalities(options, Modalities.Audio | Modalities.Text);
}
