using Microsoft.ML;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Composition;

/// <summary>Trains a model composed of encoders, a fusion and a head (<see cref="ComposedOptions"/>) with the shared training loop.</summary>
public sealed class ComposedTrainer(MLContext context, ComposedOptions options) : TorchTrainer<ComposedOptions>(context, options)
{
    /// <summary>The kind under which bundles save composed models.</summary>
    public const string KindName = "MsaMl.Composed";

    protected internal override string Kind => KindName;

    protected internal override ModelComposition Compose(ComposedOptions options) => options.ToComposition();
}
