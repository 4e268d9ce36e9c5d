using System.Globalization;
using MsaMl.Experiments;
using MsaMl.Trainers.Training;
using MsaMl.Transforms.Core;

namespace MsaMl.Cli.Commands;

/// <summary>
/// The progress of <c>msa train</c> (and of a redirected <c>msa demo</c>) on standard error (<see cref="ConsoleProgress"/>): each stage, the
/// rows of each featurizing pass and the batches of each epoch (a live bar on a terminal, a line
/// per 10 % when redirected), and one line per epoch with the loss, the training and validation
/// accuracy, the elapsed time and the time left for the model's remaining epochs.
/// </summary>
internal sealed class LineProgress(ConsoleProgress display) : IExperimentProgress
{
    public LineProgress() : this(ConsoleProgress.StandardError()) { }

    public void Stage(string task, string message) => display.Line($"msa: {task}: {message}");

    public IProgress<FeaturizingProgress> Featurizing(string task, string pass) => display.Rows($"{task}: featurizing {pass}");

    public IProgress<BatchReport> Batches(string task, string model) => display.Batches($"{task}: {model}");

    public void Epoch(string task, string model, EpochReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        double perEpoch = report.Elapsed.TotalSeconds / Math.Max(1, report.Epoch);
        var left = TimeSpan.FromSeconds(perEpoch * (report.Epochs - report.Epoch));
        string validation = report.ValidationAccuracy is double v ? string.Format(inv, ", validation accuracy {0:P1}", v) : "";
        string train = double.IsNaN(report.TrainAccuracy) ? "" : string.Format(inv, ", train accuracy {0:P1}", report.TrainAccuracy);
        display.Line(string.Format(inv, "msa: {0}: {1} epoch {2}/{3}: loss {4:F4}{5}{6}, {7:F0} s, ETA {8:F0} s (at most; early stopping may end sooner)",
            task, model, report.Epoch, report.Epochs, report.TrainLoss, train, validation, report.Elapsed.TotalSeconds, left.TotalSeconds));
    }
}
