using ScottPlot;

namespace MsaMl.Experiments;

/// <summary>PNG bar chart of one metric of an ablation table: one bar per model, ± one standard deviation when the model was run several times.</summary>
public static class AblationBarChart
{
    /// <summary>Draws one metric of every model of the table.</summary>
    /// <param name="table">The ablation table.</param>
    /// <param name="path">The .png file to write (its folder is created if needed).</param>
    /// <param name="metricName">The metric to plot, e.g. <see cref="MetricNames.WeightedAccuracy"/>.</param>
    /// <param name="title">Plot title; null = the metric name.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    public static void Save(AblationTable table, string path, string metricName = MetricNames.WeightedAccuracy, string? title = null, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(metricName);
        var rows = table.Rows.Where(r => r.Metrics.ContainsKey(metricName)).ToArray();
        if (rows.Length == 0)
            throw new ArgumentException($"No model of the table has metric '{metricName}'.", nameof(metricName));

        var palette = new ScottPlot.Palettes.Category10();
        var bars = rows.Select((row, i) =>
        {
            var summary = row.Metrics[metricName];
            return new Bar
            {
                Position = i,
                Value = double.IsNaN(summary.Mean) ? 0 : summary.Mean,
                Error = double.IsNaN(summary.StandardDeviation) ? 0 : summary.StandardDeviation,
                FillColor = palette.GetColor(i),
                Label = MetricFormat.Number(summary.Mean, "0.000"),
                CenterLabel = true, // inside the bar, clear of the error bar (the table has the numbers ± std)
            };
        }).ToArray();

        var plot = new Plot();
        plot.Title(title ?? metricName);
        var barPlot = plot.Add.Bars(bars);
        barPlot.ValueLabelStyle.FontSize = 14;
        barPlot.ValueLabelStyle.Bold = true;
        barPlot.ValueLabelStyle.ForeColor = Colors.White;
        PngFile.SetCategoryTicks(plot, rows.Select(r => r.Model).ToArray(), width);
        plot.Axes.Left.Label.Text = metricName;
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.HideGrid();
        double top = bars.Max(b => b.Value + b.Error);
        plot.Axes.SetLimitsY(0, top <= 1 && bars.All(b => b.Value >= 0) ? Math.Min(1.08, Math.Max(top * 1.12, 0.1)) : top * 1.12);
        plot.Axes.SetLimitsX(-0.6, rows.Length - 0.4);
        PngFile.Save(plot, path, width, height);
    }
}
