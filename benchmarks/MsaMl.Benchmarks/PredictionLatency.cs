using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;

namespace MsaMl.Benchmarks;

/// <summary>Single-row PredictionEngine latency of AAT models at the paper's shapes (median of 30 calls).</summary>
internal static class PredictionLatency
{
    public sealed class Row
    {
        public string Label { get; set; } = "";
        [VectorType(3, 161, 750)] public float[] Spectrogram { get; set; } = Array.Empty<float>();
        [VectorType(60, 768)] public float[] TextTokens { get; set; } = Array.Empty<float>();
    }

    public sealed class Output
    {
        public float[] Score { get; set; } = Array.Empty<float>();
    }

    public static string Report()
    {
        var lines = new List<string> { "| single-row PredictionEngine (AAT) | median ms | baseline: bare forward ms | ratio |", "|---|---|---|---|" };
        foreach (var encoder in new[] { AatAudioEncoder.SmallCnn, AatAudioEncoder.AlexNetFcn })
        {
            var ml = new MLContext(seed: 1);
            var random = new Random(1);
            var rows = Enumerable.Range(0, 2).Select(i => new Row
            {
                Label = "c" + i,
                Spectrogram = Enumerable.Range(0, 3 * 161 * 750).Select(_ => (float)random.NextDouble()).ToArray(),
                TextTokens = Enumerable.Range(0, 60 * 768).Select(_ => (float)random.NextDouble()).ToArray(),
            }).ToArray();
            var data = ml.Transforms.Conversion.MapValueToKey("Label").Fit(ml.Data.LoadFromEnumerable(rows)).Transform(ml.Data.LoadFromEnumerable(rows));
            var model = ml.Msa().Trainers.Aat(new AatOptions { AudioEncoder = encoder, Epochs = 1, BatchSize = 2 }).Fit(data);
            var engine = ml.Model.CreatePredictionEngine<Row, Output>(model);
            double engineMs = Median(() => engine.Predict(rows[0]));
            double bareMs = Median(() =>
            {
                using var noGrad = TorchSharp.torch.no_grad();
                using var scope = TorchSharp.torch.NewDisposeScope();
                model.Forward(new[]
                {
                    TorchSharp.torch.tensor(rows[0].Spectrogram, new long[] { 1, 3, 161, 750 }),
                    TorchSharp.torch.tensor(rows[0].TextTokens, new long[] { 1, 60, 768 }),
                });
            });
            lines.Add($"| {encoder} + attention | {engineMs:F1} | {bareMs:F1} | {engineMs / bareMs:F2}x |");
        }
        return string.Join(Environment.NewLine, lines);
    }

    private static double Median(Action action)
    {
        action();
        var times = new List<double>();
        for (int i = 0; i < 30; i++)
        {
            var clock = Stopwatch.StartNew();
            action();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }
}
