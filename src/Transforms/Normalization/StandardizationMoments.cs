namespace MsaMl.Transforms.Normalization;

/// <summary>The mean and the reciprocal standard deviation of each statistic index, from <see cref="Rows"/> rows.</summary>
public sealed record StandardizationMoments(float[] Mean, float[] InverseDeviation, int Rows)
{
    /// <summary>Writes <c>(x - mean) / deviation</c> of <paramref name="values"/> into <paramref name="output"/>; <paramref name="span"/> consecutive values share one statistic.</summary>
    public void Apply(ReadOnlySpan<float> values, Span<float> output, int span)
    {
        for (int s = 0; s < Mean.Length; s++)
        {
            float mean = Mean[s], scale = InverseDeviation[s];
            int start = s * span;
            for (int i = start; i < start + span; i++) output[i] = (values[i] - mean) * scale;
        }
    }
}
