namespace MsaMl.Pipelines.Evaluation;

/// <summary>Pearson's r as MMSA takes it from <c>np.corrcoef(x, y)[0][1]</c>.</summary>
internal static class PearsonCorrelation
{
    /// <summary>Pearson's r, clipped to [-1, 1] as numpy's corrcoef does; NaN when either side has no variance.</summary>
    public static double Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        double meanX = x.Average(), meanY = y.Average();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < x.Count; i++)
        {
            double dx = x[i] - meanX, dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        double denominator = Math.Sqrt(sxx * syy);
        return denominator > 0 ? Math.Clamp(sxy / denominator, -1, 1) : double.NaN;
    }
}
