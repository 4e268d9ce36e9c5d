using TorchSharp;
using static TorchSharp.torch;

namespace MsaMl.Benchmarks;

/// <summary>
/// Confirms the TorchSharp 0.107 Scalar-lifetime race on this machine: a loop of
/// <c>Tensor.add_(Tensor)</c> (which builds a temporary Scalar alpha = 1 and passes only its handle
/// to libtorch) while another thread forces garbage collections and finalizers. <c>unsafe</c>
/// usually dies within seconds (segfault, or "Expected false to be true ... toFloat");
/// <c>safe</c> passes a Scalar kept alive for the whole run and survives. Run each as its own
/// process: benchmarks/stress/scalar-race.sh. (Deliberate misuse: ScalarLifetimeTests allows this
/// one type.)
/// </summary>
public static class ScalarRaceReproducer
{
    private static readonly Scalar One = 1.ToScalar();

    public static int Run(string[] args)
    {
        bool safe = args.Length > 0 && args[0] == "safe";
        double seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20;
        using var a = zeros(16);
        using var b = ones(16);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var collector = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
        }) { IsBackground = true };
        collector.Start();
        long iterations = 0;
        while (!stop.IsCancellationRequested)
        {
            for (int i = 0; i < 1000; i++)
            {
                if (safe) a.add_(b, One);
                else a.add_(b);
            }
            iterations += 1000;
        }
        collector.Join();
        Console.WriteLine($"{(safe ? "safe" : "unsafe")}: {iterations:N0} add_ calls in {seconds:F0} s without a crash");
        return 0;
    }
}
