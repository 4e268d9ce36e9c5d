using Microsoft.ML;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Aat;

/// <summary>Trains the AAT model (audio + text) of the paper; see <see cref="AatComposition"/> and <see cref="AatOptions"/>.</summary>
public sealed class AatTrainer(MLContext context, AatOptions options) : TorchTrainer<AatOptions>(context, options)
{
    public const string KindName = "MsaMl.Aat";

    protected internal override string Kind => KindName;

    protected internal override ModelComposition Compose(AatOptions options) => AatComposition.Of(options);
}
