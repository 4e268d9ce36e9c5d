namespace MsaMl.Transforms.Audio;

/// <summary>
/// Windowed-sinc low-pass FIR design with a Kaiser window (Kaiser's empirical formulas for the
/// window shape and the length that reach a given stop-band attenuation over a given transition band).
/// </summary>
public static class KaiserLowpass
{
    /// <summary>Kaiser's β for a stop-band attenuation of <paramref name="attenuationDb"/> dB.</summary>
    public static double Beta(double attenuationDb) => attenuationDb switch
    {
        > 50 => 0.1102 * (attenuationDb - 8.7),
        >= 21 => 0.5842 * Math.Pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21),
        _ => 0,
    };

    /// <summary>
    /// Taps needed for <paramref name="attenuationDb"/> dB over a transition band of
    /// <paramref name="transitionWidth"/> (as a fraction of the sample rate, 0 to 0.5).
    /// </summary>
    public static int Length(double attenuationDb, double transitionWidth)
    {
        if (transitionWidth <= 0 || transitionWidth >= 0.5)
            throw new ArgumentOutOfRangeException(nameof(transitionWidth), $"transition width must be in (0, 0.5) of the sample rate, got {transitionWidth}");
        return (int)Math.Ceiling((attenuationDb - 7.95) / (2.285 * 2 * Math.PI * transitionWidth)) + 1;
    }

    /// <summary>The Kaiser window w[n] = I0(β·sqrt(1 − (2n/(N−1) − 1)²)) / I0(β), n = 0..N−1.</summary>
    public static double[] Window(int length, double beta)
    {
        var w = new double[length];
        double norm = BesselI0(beta);
        for (int n = 0; n < length; n++)
        {
            double r = length == 1 ? 0 : 2.0 * n / (length - 1) - 1;
            w[n] = BesselI0(beta * Math.Sqrt(Math.Max(0, 1 - r * r))) / norm;
        }
        return w;
    }

    /// <summary>
    /// An odd-length, linear-phase low-pass: <paramref name="gain"/> · 2fc · sinc(2fc · (n − c)) · w[n],
    /// with <paramref name="cutoff"/> fc as a fraction of the sample rate and c the centre tap.
    /// </summary>
    public static double[] Design(int length, double cutoff, double attenuationDb, double gain = 1)
    {
        if (length % 2 == 0) length++;
        var window = Window(length, Beta(attenuationDb));
        var taps = new double[length];
        int centre = length / 2;
        for (int n = 0; n < length; n++)
        {
            double x = 2 * cutoff * (n - centre);
            double sinc = x == 0 ? 1 : Math.Sin(Math.PI * x) / (Math.PI * x);
            taps[n] = gain * 2 * cutoff * sinc * window[n];
        }
        return taps;
    }

    /// <summary>The zeroth-order modified Bessel function of the first kind, by its power series.</summary>
    public static double BesselI0(double x)
    {
        double sum = 1, term = 1, half = x / 2;
        for (int k = 1; k < 200; k++)
        {
            term *= half / k * (half / k);
            sum += term;
            if (term < sum * 1e-17) break;
        }
        return sum;
    }
}
