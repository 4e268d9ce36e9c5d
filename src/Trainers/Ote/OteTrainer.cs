using Microsoft.ML;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Ote;

/// <summary>Trains the OTE model (image + text) of the paper; see <see cref="OteNet"/> and <see cref="OteOptions"/>.</summary>
public sealed class OteTrainer(MLContext context, OteOptions options) : TorchTrainer<OteOptions>(context, options)
{
    public const string KindName = "MsaMl.Ote";

    protected internal override string Kind => KindName;

    protected internal override string[] FeatureColumns(OteOptions o) => TwoModalityInputs.Columns(Use(o), o.ImageColumnName, o.TextColumnName);

    protected internal override nn.Module<Tensor[], Tensor> CreateNetwork(OteOptions o, int[][] shapes, int classes) => BuildNetwork(o, shapes, classes);

    private static ModalityUse Use(OteOptions o) =>
        o.Modalities switch { OteModalities.Image => ModalityUse.First, OteModalities.Text => ModalityUse.Second, _ => ModalityUse.Both };

    internal static nn.Module<Tensor[], Tensor> BuildNetwork(OteOptions o, int[][] shapes, int classes)
    {
        var use = Use(o);
        int[] image = use == ModalityUse.Second ? new[] { 3, 1, 1 } : shapes[0];
        return TwoModalityInputs.Wrap(new OteNet(o, image, TwoModalityInputs.SecondSize(use, shapes), classes), use);
    }
}
