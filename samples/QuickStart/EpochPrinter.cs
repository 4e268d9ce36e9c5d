using MsaMl.Trainers.Training;

namespace MsaMl.Samples.QuickStart;

/// <summary>Prints the learning curve as training goes (synchronously, unlike Progress&lt;T&gt;).</summary>
public sealed class EpochPrinter : IProgress<EpochReport>
{
    public void Report(EpochReport e) =>
        Console.WriteLine($"  epoch {e.Epoch}/{e.Epochs}: loss {e.TrainLoss:F3}, train accuracy {e.TrainAccuracy:P1} ({e.Elapsed.TotalSeconds:F0} s)");
}
