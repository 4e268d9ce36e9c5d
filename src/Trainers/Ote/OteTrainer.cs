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

    protected internal override string[] FeatureColumns(OteOptions o) => o.Modalities switch
    {
        OteModalities.Image => new[] { o.ImageColumnName },
        OteModalities.Text => new[] { o.TextColumnName },
        _ => new[] { o.ImageColumnName, o.TextColumnName },
    };

    protected internal override nn.Module<Tensor[], Tensor> CreateNetwork(OteOptions o, int[][] shapes, int classes) => BuildNetwork(o, shapes, classes);

    internal static nn.Module<Tensor[], Tensor> BuildNetwork(OteOptions o, int[][] shapes, int classes)
    {
        int[] image = o.Modalities == OteModalities.Text ? new[] { 3, 1, 1 } : shapes[0];
        long text = o.Modalities == OteModalities.Image ? 1 : shapes[^1].Aggregate(1L, (a, b) => a * b);
        var network = new OteNet(o, image, text, classes);
        return o.Modalities == OteModalities.Both ? network : new ModalitySelector(network, o.Modalities == OteModalities.Image ? 0 : 1);
    }
}
