using MsaMl.Trainers.Composition;

namespace MsaMl.Trainers.Training;

internal sealed class ComposedModelLoader : TorchModelLoader<ComposedOptions>
{
    public override string Kind => ComposedTrainer.KindName;
    protected override ModelComposition Compose(ComposedOptions options) => options.ToComposition();
}
