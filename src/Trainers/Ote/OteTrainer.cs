using Microsoft.ML;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Training;

namespace MsaMl.Trainers.Ote;

/// <summary>Trains the OTE model (image + text) of the paper; see <see cref="OteComposition"/> and <see cref="OteOptions"/>.</summary>
public sealed class OteTrainer(MLContext context, OteOptions options) : TorchTrainer<OteOptions>(context, options)
{
    public const string KindName = "MsaMl.Ote";

    protected internal override string Kind => KindName;

    protected internal override ModelComposition Compose(OteOptions options) => OteComposition.Of(options);
}
