using System.Globalization;
using MsaMl.Experiments;
using MsaMl.Trainers.Training;

namespace MsaMl.Cli.Commands;

/// <summary>
/// <c>msa train</c>'s progress as plain lines on standard error (fit for a terminal and for a log
/// file alike): each stage, and one line per epoch with the loss, the training and validation
/// accuracy, the elapsed time and the time left for the model's remaining epochs.
/// </summary>
internal sealed class LineProgress : IExperimentProgress
{
    public void Stage(string task, string message) => Console.Error.WriteLine($"msa: {task}: {message}");

    public void Epoch(string task, string model, EpochReport report)
    {
        var inv = CultureInfo.InvariantCulture;
        double perEpoch = report.Elapsed.TotalSeconds / Math.Max(1, report.Epoch);
        var left = TimeSpan.FromSeconds(perEpoch * (report.Epochs - report.Epoch));
        string validation = report.ValidationAccuracy is double v ? string.Format(inv, ", validation accuracy {0:P1}", v) : "";
        string train = double.IsNaN(report.TrainAccuracy) ? "" : string.Format(inv, ", train accuracy {0:P1}", report.TrainAccuracy);
        Console.Error.WriteLine(string.Format(inv, "msa: {0}: {1} epoch {2}/{3}: loss {4:F4}{5}{6}, {7:F0} s, ETA {8:F0} s (at most; early stopping may end sooner)",
            task, model, report.Epoch, report.Epochs, report.TrainLoss, train, validation, report.Elapsed.TotalSeconds, left.TotalSeconds));
    }
}
