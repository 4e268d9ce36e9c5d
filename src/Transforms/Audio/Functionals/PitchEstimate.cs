namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>One frame's pitch: the frequency (0 when unvoiced) and the normalized autocorrelation at its lag.</summary>
internal readonly record struct PitchEstimate(double Frequency, double Correlation)
{
    public bool Voiced => Frequency > 0;
}
