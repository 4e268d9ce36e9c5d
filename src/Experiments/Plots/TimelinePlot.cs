using MsaMl.Pipelines.Scoring;
using ScottPlot;

namespace MsaMl.Experiments;

/// <summary>
/// PNG of a long recording's timeline: each class's probability over time, one step line per class
/// (flat over each segment, gaps in the pauses), or the sentiment intensity for a regression bundle.
/// </summary>
public static class TimelinePlot
{
    /// <summary>Draws the segments.</summary>
    /// <param name="segments">The scored segments, in time order.</param>
    /// <param name="path">The .png file to write (through a temporary file and a rename).</param>
    /// <param name="title">Plot title.</param>
    public static void Save(IReadOnlyList<TimelineSegment> segments, string path, string title = "Timeline", int width = 1200, int height = 450)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("time (s)");
        var palette = new ScottPlot.Palettes.Category10();
        bool regression = segments.Count > 0 && segments[0].Intensity is not null;
        var series = regression ? ["intensity"] : segments.SelectMany(s => s.Probabilities.Keys).Distinct().ToList();
        for (int k = 0; k < series.Count; k++)
        {
            string name = series[k];
            foreach (var (segment, i) in segments.Select((s, i) => (s, i)))
            {
                double value = regression ? segment.Intensity!.Value : segment.Probabilities.GetValueOrDefault(name);
                var line = plot.Add.Line(segment.StartSeconds, value, segment.EndSeconds, value);
                line.LineColor = palette.GetColor(k);
                line.LineWidth = 2;
                if (i == 0) line.LegendText = name;
            }
        }
        plot.YLabel(regression ? "sentiment intensity" : "probability");
        if (!regression) plot.Axes.SetLimitsY(0, 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        PngFile.Save(plot, path, width, height);
    }
}
