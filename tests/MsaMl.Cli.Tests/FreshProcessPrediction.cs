using System.Text.Json;
using MsaMl.Trainers;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Composition.Heads;
using MsaMl.Trainers.Training;

namespace MsaMl.Cli.Tests;

/// <summary>Scores one example with <c>msa predict</c> in a process of its own, to compare with the training process's score.</summary>
internal static class FreshProcessPrediction
{
    /// <summary>A regression model's score column, for a prediction engine.</summary>
    public sealed class ScoreRow
    {
        public float Score { get; set; }
    }

    /// <summary><paramref name="encoder"/> under an MLP head, regressing "Valence": 2 epochs at rate 0.01, seed 2.</summary>
    public static ComposedOptions ValenceRegression(EncoderOptions encoder, int batchSize) => new()
    {
        Encoders = { encoder },
        Head = new MlpHeadOptions { Dropout = 0 },
        OutputKind = TorchOutputKind.Regression,
        LabelColumnName = "Valence",
        Epochs = 2,
        LearningRate = 0.01,
        BatchSize = batchSize,
        Seed = 2,
    };

    /// <summary>The "intensity" that <c>msa predict --model <paramref name="bundle"/> <paramref name="input"/> --json</c> prints (it must exit with 0).</summary>
    public static double Intensity(string bundle, params string[] input)
    {
        var (code, output, errors) = CliProcess.Run(new[] { "predict", "--model", bundle }.Concat(input).Append("--json").ToArray());
        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("intensity").GetDouble();
    }
}
