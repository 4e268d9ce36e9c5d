using Microsoft.ML;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Aat;

/// <summary>Trains the AAT model (audio + text) of the paper; see <see cref="AatNet"/> and <see cref="AatOptions"/>.</summary>
public sealed class AatTrainer(MLContext context, AatOptions options) : TorchTrainer<AatOptions>(context, options)
{
    public const string KindName = "MsaMl.Aat";

    protected internal override string Kind => KindName;

    protected internal override string[] FeatureColumns(AatOptions o) => o.Modalities switch
    {
        AatModalities.Audio => new[] { o.AudioColumnName },
        AatModalities.Text => new[] { o.TextColumnName },
        _ => new[] { o.AudioColumnName, o.TextColumnName },
    };

    protected internal override nn.Module<Tensor[], Tensor> CreateNetwork(AatOptions o, int[][] shapes, int classes) => BuildNetwork(o, shapes, classes);

    internal static nn.Module<Tensor[], Tensor> BuildNetwork(AatOptions o, int[][] shapes, int classes)
    {
        int[] audio = o.Modalities == AatModalities.Text ? new[] { 1, 1, 1 } : shapes[0];
        if (audio.Length != 3)
            throw new ArgumentException($"Audio column '{o.AudioColumnName}' must be [channels, freq, time]; found [{string.Join(", ", audio)}].");
        long text = o.Modalities == AatModalities.Audio ? 1 : shapes[^1].Aggregate(1L, (a, b) => a * b);
        var network = new AatNet(o, audio, text, classes);
        return o.Modalities == AatModalities.Both ? network : new ModalitySelector(network, o.Modalities == AatModalities.Audio ? 0 : 1);
    }
}
