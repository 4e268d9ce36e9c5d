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

    protected internal override string[] FeatureColumns(AatOptions o) => TwoModalityInputs.Columns(Use(o), o.AudioColumnName, o.TextColumnName);

    protected internal override nn.Module<Tensor[], Tensor> CreateNetwork(AatOptions o, int[][] shapes, int classes) => BuildNetwork(o, shapes, classes);

    private static ModalityUse Use(AatOptions o) =>
        o.Modalities switch { AatModalities.Audio => ModalityUse.First, AatModalities.Text => ModalityUse.Second, _ => ModalityUse.Both };

    internal static nn.Module<Tensor[], Tensor> BuildNetwork(AatOptions o, int[][] shapes, int classes)
    {
        var use = Use(o);
        int[] audio = use == ModalityUse.Second ? new[] { 1, 1, 1 } : shapes[0];
        if (audio.Length != 3)
            throw new ArgumentException($"Audio column '{o.AudioColumnName}' must be [channels, freq, time]; found [{string.Join(", ", audio)}].");
        return TwoModalityInputs.Wrap(new AatNet(o, audio, TwoModalityInputs.SecondSize(use, shapes), classes), use);
    }
}
