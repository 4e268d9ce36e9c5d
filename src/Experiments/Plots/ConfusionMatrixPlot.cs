using System.Globalization;
using ScottPlot;

namespace MsaMl.Experiments;

/// <summary>
/// PNG heatmap of a confusion matrix: actual classes top to bottom, predicted classes left to right,
/// cells coloured by the row-normalized fraction (per-class recall on the diagonal) and labelled with
/// their counts.
/// </summary>
public static class ConfusionMatrixPlot
{
    /// <summary>Draws the matrix.</summary>
    /// <param name="matrix">The confusion matrix with class names.</param>
    /// <param name="path">The .png file to write (its folder is created if needed).</param>
    /// <param name="title">Plot title; null = "Confusion matrix".</param>
    /// <param name="size">Image width in pixels (the height is a little less).</param>
    public static void Save(LabeledConfusionMatrix matrix, string path, string? title = null, int size = 640)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        int n = matrix.ClassNames.Count;
        if (n == 0)
            throw new ArgumentException("The matrix has no classes.", nameof(matrix));
        var fractions = matrix.RowNormalized();
        var intensities = new double[n, n];
        for (int row = 0; row < n; row++)
            for (int column = 0; column < n; column++)
                intensities[row, column] = fractions[row][column];

        var plot = new Plot();
        plot.Title(title ?? "Confusion matrix");
        // By default ScottPlot draws cell [row, column] as a unit square centred on (column, n - 1 - row): row 0 on top.
        var heatmap = plot.Add.Heatmap(intensities);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed(); // light = few, dark = many
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "fraction of actual class";

        for (int row = 0; row < n; row++)
            for (int column = 0; column < n; column++)
            {
                var text = plot.Add.Text(matrix[row, column].ToString("0.##", CultureInfo.InvariantCulture), column, n - 1 - row);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = n <= 6 ? 16 : 11;
                text.LabelFontColor = fractions[row][column] > 0.5 ? Colors.White : Colors.Black;
            }

        PngFile.SetCategoryTicks(plot, matrix.ClassNames, size);
        plot.Axes.Left.SetTicks(Enumerable.Range(0, n).Select(row => (double)(n - 1 - row)).ToArray(), matrix.ClassNames.ToArray());
        plot.Axes.Bottom.Label.Text = "predicted";
        plot.Axes.Left.Label.Text = "actual";
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        PngFile.Save(plot, path, size, (int)(size * 0.85));
    }
}
