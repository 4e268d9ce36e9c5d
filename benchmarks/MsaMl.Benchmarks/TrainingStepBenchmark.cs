using System.Diagnostics;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Trainers.Aat;
using MsaMl.Trainers.Composition;
using MsaMl.Trainers.Modules;
using MsaMl.Trainers.Ote;
using MsaMl.Trainers.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Benchmarks;

/// <summary>
/// Timed console run: one training step (forward, backward, Adam) of each model at the paper's
/// shapes, as seconds per step, samples per second and a fraction of this machine's fp32 GEMM
/// peak (a 2048^3 matmul measured in the same run); the same models in Debian's PyTorch when
/// /usr/bin/python3 has torch; and single-row PredictionEngine latency.
/// Usage: training [--batch 64] [--steps 2] [--no-peer] [--only name-substring]
/// </summary>
public static class TrainingStepBenchmark
{
    private sealed record Model(string Name, string PeerName, Func<nn.Module<Tensor[], Tensor>> Build, long[][] Shapes, int Classes, double FlopsPerSample);

    public static int Run(string[] args)
    {
        int batch = IntArg(args, "--batch", 64), steps = IntArg(args, "--steps", 2);
        string? only = StringArg(args, "--only");
        Console.WriteLine($"threads: {torch.get_num_threads()}, batch {batch}, {steps} timed step(s) after 1 warm-up; libtorch {torch.__version__}");

        double peak = GemmPeak();
        Console.WriteLine($"fp32 GEMM peak (2048^3 matmul, TorchSharp): {peak:F1} GFLOP/s");

        var audioShape = new long[] { 3, 161, 750 };
        var textShape = new long[] { 60, 768 };
        var imageShape = new long[] { 3, 64, 64 };
        var aatAlex = new AatOptions { AudioEncoder = AatAudioEncoder.AlexNetFcn };
        var aatSmall = new AatOptions { AudioEncoder = AatAudioEncoder.SmallCnn };
        var oteSmall = new OteOptions { ImageEncoder = OteImageEncoder.SmallCnn };
        var oteResNet = new OteOptions { ImageEncoder = OteImageEncoder.ResNet50 };
        var models = new[]
        {
            new Model("AAT AlexNet-FCN + attention", "aat_alexnet", () => AatComposition.Of(aatAlex).Build(new[] { new[] { 3, 161, 750 }, new[] { 60, 768 } }, 10), new[] { audioShape, textShape }, 10, 0),
            new Model("AAT small CNN + attention", "aat_small", () => AatComposition.Of(aatSmall).Build(new[] { new[] { 3, 161, 750 }, new[] { 60, 768 } }, 10), new[] { audioShape, textShape }, 10, 0),
            new Model("OTE small CNN", "ote_small", () => OteComposition.Of(oteSmall).Build(new[] { new[] { 3, 64, 64 }, new[] { 60, 768 } }, 2), new[] { imageShape, textShape }, 2, 0),
            new Model("OTE ResNet-50", "ote_resnet50", () => OteComposition.Of(oteResNet).Build(new[] { new[] { 3, 64, 64 }, new[] { 60, 768 } }, 2), new[] { imageShape, textShape }, 2, 0),
        }.Where(m => only == null || m.Name.Contains(only, StringComparison.OrdinalIgnoreCase)).ToArray();

        var peer = args.Contains("--no-peer") ? new Dictionary<string, double>() : RunPeer(batch, steps, models.Select(m => m.PeerName));
        Console.WriteLine();
        Console.WriteLine("| model | TorchSharp s/step | samples/s | GFLOP/step | % of GEMM peak | PyTorch s/step | TorchSharp vs PyTorch |");
        Console.WriteLine("|---|---|---|---|---|---|---|");
        foreach (var model in models)
        {
            random.manual_seed(1);
            var net = model.Build();
            double flops = FlopCounter.TrainingStepFlops(net, model.Shapes, batch);
            double seconds = TimeSteps(net, model.Shapes, model.Classes, batch, steps);
            string peerText = peer.TryGetValue(model.PeerName, out var p) ? $"{p:F2}" : "n/a";
            string ratio = peer.TryGetValue(model.PeerName, out var q) ? $"{q / seconds:F2}x" : "n/a";
            Console.WriteLine($"| {model.Name} | {seconds:F2} | {batch / seconds:F1} | {flops / 1e9:F1} | {100 * flops / 1e9 / seconds / peak:F0}% | {peerText} | {ratio} |");
            net.Dispose();
        }

        Console.WriteLine();
        Console.WriteLine(PredictionLatency.Report());
        return 0;
    }

    private static double GemmPeak()
    {
        using var scope = NewDisposeScope();
        var a = randn(2048, 2048);
        var b = randn(2048, 2048);
        a.mm(b);
        var times = new List<double>();
        for (int i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            a.mm(b).sum().item<float>();
            times.Add(clock.Elapsed.TotalSeconds);
        }
        return 2.0 * 2048 * 2048 * 2048 / times.Min() / 1e9;
    }

    private static double TimeSteps(nn.Module<Tensor[], Tensor> net, long[][] shapes, int classes, int batch, int steps)
    {
        net.train();
        using var optimizer = new ParameterUpdater(net.parameters(), OptimizerKind.Adam, 1e-4, 0, 0.9);
        var times = new List<double>();
        for (int step = 0; step <= steps; step++)
        {
            Stopwatch clock;
            optimizer.ZeroGrad();
            using (var scope = NewDisposeScope())
            {
                var inputs = shapes.Select(s => randn(s.Prepend(batch).ToArray())).ToArray();
                var labels = randint(0, classes, new long[] { batch });
                clock = Stopwatch.StartNew();
                nn.functional.cross_entropy(net.forward(inputs), labels).backward();
            }
            optimizer.Step(); // outside the scope: the updater keeps its moments across steps
            if (step > 0) times.Add(clock.Elapsed.TotalSeconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    private static Dictionary<string, double> RunPeer(int batch, int steps, IEnumerable<string> names)
    {
        string script = Path.Combine(FindRepoRoot(), "benchmarks", "peers", "torch_peer.py");
        var result = new Dictionary<string, double>();
        if (!File.Exists("/usr/bin/python3") || !File.Exists(script)) return result;
        var start = new ProcessStartInfo("/usr/bin/python3", $"{script} --batch {batch} --steps {steps} --models {string.Join(",", names)}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Console.WriteLine($"PyTorch peer failed (exit {process.ExitCode}): {errors.Trim()}");
            return result;
        }
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty("model", out var model))
                result[model.GetString()!] = json.RootElement.GetProperty("seconds_per_step").GetDouble();
            else if (json.RootElement.TryGetProperty("torch", out var version))
                Console.WriteLine($"PyTorch peer: torch {version.GetString()}, threads {json.RootElement.GetProperty("threads").GetInt32()}");
        }
        return result;
    }

    internal static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "MsaMl.sln"))) return dir.FullName;
        return Directory.GetCurrentDirectory();
    }

    internal static int IntArg(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }

    internal static string? StringArg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
