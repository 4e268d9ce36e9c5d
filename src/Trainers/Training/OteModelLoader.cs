using System.Text.Json.Nodes;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Ote;

namespace MsaMl.Trainers.Training;

internal sealed class OteModelLoader : TorchModelLoader<OteOptions>
{
    public override string Kind => OteTrainer.KindName;
    protected override ModelComposition Compose(OteOptions options) => OteComposition.Of(options);
    protected override void UpgradeFormat1(JsonObject options) => UpgradeModalities(options, Modalities.Image | Modalities.Text);
}
