using MsaMl.Trainers.Training;
using ScottPlot;

namespace MsaMl.Experiments;

/// <summary>
/// PNG of a learning curve: training loss per epoch on the left axis, training and validation
/// accuracy per epoch on the right axis (0 to 1), the best epoch marked when known.
/// </summary>
public static class LearningCurvePlot
{
    /// <summary>Plots the epochs of a training report and marks its best epoch.</summary>
    /// <param name="report">The report of a training run.</param>
    /// <param name="path">The .png file to write (its folder is created if needed).</param>
    /// <param name="title">Plot title; null = "Learning curve".</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public static void Save(TrainingReport report, string path, string? title = null, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(report);
        Save(report.Epochs, path, title, width, height, report.BestValidationAccuracy is null ? null : report.BestEpoch);
    }

    /// <summary>Plots a list of epochs.</summary>
    /// <param name="epochs">One report per epoch, in order.</param>
    /// <param name="path">The .png file to write (its folder is created if needed).</param>
    /// <param name="title">Plot title; null = "Learning curve".</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="bestEpoch">An epoch to mark with a vertical line, or null.</param>
    public static void Save(IReadOnlyList<EpochReport> epochs, string path, string? title = null, int width = 800, int height = 500, int? bestEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Count == 0)
            throw new ArgumentException("No epochs to plot.", nameof(epochs));

        var plot = new Plot();
        plot.Title(title ?? "Learning curve");
        plot.Axes.Bottom.Label.Text = "epoch";
        plot.Axes.Left.Label.Text = "training loss";
        plot.Axes.Right.Label.Text = "accuracy";

        double[] epochNumbers = epochs.Select(e => (double)e.Epoch).ToArray();
        var loss = plot.Add.Scatter(epochNumbers, epochs.Select(e => e.TrainLoss).ToArray(), Colors.FireBrick);
        loss.LegendText = "train loss";
        loss.LineWidth = 2;

        var trainAccuracy = plot.Add.Scatter(epochNumbers, epochs.Select(e => e.TrainAccuracy).ToArray(), Colors.SteelBlue);
        trainAccuracy.LegendText = "train accuracy";
        trainAccuracy.LineWidth = 2;
        trainAccuracy.Axes.YAxis = plot.Axes.Right;

        var validated = epochs.Where(e => e.ValidationAccuracy is not null).ToArray();
        if (validated.Length > 0)
        {
            var validationAccuracy = plot.Add.Scatter(validated.Select(e => (double)e.Epoch).ToArray(),
                validated.Select(e => e.ValidationAccuracy!.Value).ToArray(), Colors.SeaGreen);
            validationAccuracy.LegendText = "validation accuracy";
            validationAccuracy.LineWidth = 2;
            validationAccuracy.LinePattern = LinePattern.Dashed;
            validationAccuracy.Axes.YAxis = plot.Axes.Right;
        }

        if (bestEpoch is { } best)
        {
            var marker = plot.Add.VerticalLine(best, 1, Colors.Gray, LinePattern.Dotted);
            marker.LegendText = $"best epoch ({best})";
        }

        plot.Axes.SetLimitsY(0, 1, plot.Axes.Right);
        plot.Axes.AutoScaleX();
        plot.Axes.AutoScaleY(plot.Axes.Left);
        plot.ShowLegend(Alignment.MiddleRight);
        PngFile.Save(plot, path, width, height);
    }
}
