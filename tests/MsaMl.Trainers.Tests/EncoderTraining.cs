using Microsoft.ML;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Training;
using static TorchSharp.torch;

namespace MsaMl.Trainers.Tests;

/// <summary>Trains one encoder under a small regression head as the trainer does, to see which of its weights move.</summary>
internal static class EncoderTraining
{
    /// <summary>Two epochs of batches of 4 at rate 0.01 on the "Valence" label, seed 3.</summary>
    public static ComposedOptions Options(EncoderOptions encoder) => new()
    {
        Encoders = { encoder },
        Head = new MlpHeadOptions { Dropout = 0, Hidden = 4 },
        OutputKind = TorchOutputKind.Regression,
        LabelColumnName = "Valence",
        Epochs = 2,
        BatchSize = 4,
        LearningRate = 0.01,
        Seed = 3,
    };

    /// <summary>
    /// Builds the network for training on <paramref name="rows"/> (column <paramref name="column"/> of
    /// <paramref name="rowShape"/>), trains it, and returns its weights before and after by name: the
    /// parameters, and with <paramref name="withBuffers"/> the float buffers (batch-norm statistics) too.
    /// </summary>
    public static (Dictionary<string, float[]> Before, Dictionary<string, float[]> After) Train<TRow>(EncoderOptions encoder, IEnumerable<TRow> rows, string column, int[] rowShape, bool withBuffers = false)
        where TRow : class
    {
        var options = Options(encoder);
        random.manual_seed(3);
        using var network = options.ToComposition().BuildForTraining(new[] { rowShape }, 1);
        var before = Weights(network, withBuffers);
        var table = FeatureReader.Read(new MLContext(1).Data.LoadFromEnumerable(rows), new[] { column }, "Valence", regression: true);
        TrainingLoop.Run(network, table, null, options, 0, seed: 3, CPU);
        return (before, Weights(network, withBuffers));
    }

    private static Dictionary<string, float[]> Weights(nn.Module network, bool withBuffers) =>
        (withBuffers ? network.state_dict().Where(p => p.Value.dtype == ScalarType.Float32) : network.named_parameters().Select(p => new KeyValuePair<string, Tensor>(p.name, p.parameter)))
            .ToDictionary(p => p.Key, p => p.Value.detach().cpu().data<float>().ToArray());

    public static bool Changed(float[] before, float[] after) => before.Zip(after).Any(p => p.First != p.Second);
}
