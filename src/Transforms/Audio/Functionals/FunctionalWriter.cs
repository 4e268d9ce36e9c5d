namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>Writes statistics into the functionals vector in order; a statistic over nothing is 0.</summary>
internal ref struct FunctionalWriter(Span<float> output)
{
    private readonly Span<float> _output = output;
    private int _next;

    public void Value(double value) => _output[_next++] = double.IsFinite(value) ? (float)value : 0f;

    public void MeanStd(List<double> values)
    {
        double mean = Mean(values);
        Value(mean);
        Value(values.Count > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count) : 0);
    }

    /// <summary>Mean, std, 20th, 50th and 80th percentile and the 20-80 range.</summary>
    public void Distribution(List<double> values)
    {
        MeanStd(values);
        var sorted = values.Order().ToArray();
        double p20 = SortedPercentile.Of<double>(sorted, 0.2), p80 = SortedPercentile.Of<double>(sorted, 0.8);
        Value(p20);
        Value(SortedPercentile.Of<double>(sorted, 0.5));
        Value(p80);
        Value(p80 - p20);
    }

    public static double Mean(List<double> values) => values.Count > 0 ? values.Average() : 0;
}
