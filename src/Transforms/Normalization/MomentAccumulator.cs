namespace MsaMl.Transforms.Normalization;

/// <summary>Sums of one group's values per statistic index, in double precision.</summary>
internal sealed class MomentAccumulator(int statistics)
{
    private readonly double[] _sum = new double[statistics];
    private readonly double[] _squares = new double[statistics];
    private long _valuesPerStatistic;

    public int Rows { get; private set; }

    public void Add(ReadOnlySpan<float> values, int span)
    {
        for (int s = 0; s < _sum.Length; s++)
        {
            double sum = 0, squares = 0;
            foreach (float v in values.Slice(s * span, span))
            {
                sum += v;
                squares += (double)v * v;
            }
            _sum[s] += sum;
            _squares[s] += squares;
        }
        _valuesPerStatistic += span;
        Rows++;
    }

    public StandardizationMoments ToMoments(double varianceFloor)
    {
        var mean = new float[_sum.Length];
        var inverse = new float[_sum.Length];
        for (int s = 0; s < _sum.Length; s++)
        {
            double m = _sum[s] / _valuesPerStatistic;
            double variance = Math.Max(_squares[s] / _valuesPerStatistic - m * m, 0);
            mean[s] = (float)m;
            inverse[s] = (float)(1 / Math.Sqrt(variance + varianceFloor));
        }
        return new StandardizationMoments(mean, inverse, Rows);
    }
}
