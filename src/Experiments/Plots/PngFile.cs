using ScottPlot;

namespace MsaMl.Experiments;

/// <summary>Renders a ScottPlot plot to PNG bytes and writes them through a temporary file and a rename.</summary>
internal static class PngFile
{
    public static void Save(Plot plot, string path, int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }

    /// <summary>Category labels under the x axis, tilted when they would otherwise collide.</summary>
    public static void SetCategoryTicks(Plot plot, IReadOnlyList<string> labels, int width)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        double pixelsPerLabel = width * 0.8 / Math.Max(1, labels.Count);
        if (labels.Count > 0 && labels.Max(l => l.Length) * 7.5 > pixelsPerLabel)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = -35; // reads upwards, ending under its tick
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
            plot.Axes.Bottom.MinimumSize = (float)Math.Min(140, 24 + labels.Max(l => l.Length) * 4.5);
        }
    }
}
