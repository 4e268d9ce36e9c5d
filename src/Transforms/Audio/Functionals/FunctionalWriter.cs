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
        double p20 = Percentile(sorted, 0.2), p80 = Percentile(sorted, 0.8);
        Value(p20);
        Value(Percentile(sorted, 0.5));
        Value(p80);
        Value(p80 - p20);
    }

    public static double Mean(List<double> values) => values.Count > 0 ? values.Average() : 0;

    private static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        double position = p * (sorted.Length - 1);
        int low = (int)Math.Floor(position);
        int high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
    }
}
