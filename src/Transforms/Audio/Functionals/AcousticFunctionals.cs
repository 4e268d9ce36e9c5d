namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// An eGeMAPS-like description of one utterance: frame-level descriptors, then statistics of each
/// over the utterance. Frames: 25 ms Hamming windows (40 ms for pitch) every 10 ms at
/// <see cref="AcousticFunctionalsOptions.SampleRate"/>. A frame is active when its RMS is within
/// 40 dB of the loudest frame's; voiced when it is active and its pitch correlation reaches
/// <see cref="AcousticFunctionalsOptions.VoicingThreshold"/>.
/// <list type="table">
/// <item><term>F0 semitones</term><description>12·log2(F0 / 27.5 Hz) of voiced frames (autocorrelation pitch, <c>PitchTracker</c>): mean, std, 20th, 50th, 80th percentile, 20-80 range.</description></item>
/// <item><term>Loudness</term><description>Σ over 26 mel bands (20 Hz-8 kHz) of band power^0.3, active frames (no equal-loudness curve): mean, std, percentiles 20/50/80, range.</description></item>
/// <item><term>HNR</term><description>10·log10(r / (1 − r)) dB from the pitch correlation r of voiced frames (r clamped to [0.0001, 0.9999]): mean, std.</description></item>
/// <item><term>Jitter, shimmer</term><description>Local: mean absolute difference of consecutive glottal periods (peak amplitudes) over their mean (<c>PeriodPerturbation</c>).</description></item>
/// <item><term>F1, F2, F3</term><description>LPC formants of voiced frames in Hz (<c>LpcFormants</c>): mean, std.</description></item>
/// <item><term>Alpha ratio</term><description>10·log10 of the energy 50 Hz-1 kHz over 1-5 kHz: mean and std over voiced, mean over unvoiced active frames.</description></item>
/// <item><term>Hammarberg index</term><description>10·log10 of the strongest bin 0-2 kHz over the strongest 2-5 kHz: same statistics.</description></item>
/// <item><term>Spectral slopes</term><description>Least-squares slope of the dB spectrum against kHz, 0-500 Hz and 500-1500 Hz: same statistics.</description></item>
/// <item><term>MFCC 1-4</term><description>Orthonormal DCT-II of the log mel bands, coefficients 1-4, active frames: mean, std.</description></item>
/// <item><term>Rates</term><description>Voiced share of active frames; voiced runs per second; mean voiced run length in seconds.</description></item>
/// </list>
/// A statistic over no frames is 0 (an utterance with no voiced frame has voiced share 0).
/// </summary>
public static class AcousticFunctionals
{
    private static readonly string[] Spectral = ["AlphaRatio", "Hammarberg", "SlopeLow", "SlopeHigh"];

    /// <summary>The name of each element of the functionals vector, in order.</summary>
    public static IReadOnlyList<string> Names { get; } = BuildNames();

    private static string[] BuildNames()
    {
        var names = new List<string>();
        foreach (string d in new[] { "F0Semitone", "Loudness" })
            names.AddRange(new[] { "Mean", "Std", "P20", "P50", "P80", "Range2080" }.Select(s => $"{d}.{s}"));
        names.AddRange(["Hnr.Mean", "Hnr.Std", "Jitter", "Shimmer"]);
        foreach (string f in new[] { "F1", "F2", "F3" }) names.AddRange([$"{f}.Mean", $"{f}.Std"]);
        foreach (string d in Spectral) names.AddRange([$"{d}.VoicedMean", $"{d}.VoicedStd", $"{d}.UnvoicedMean"]);
        for (int c = 1; c <= 4; c++) names.AddRange([$"Mfcc{c}.Mean", $"Mfcc{c}.Std"]);
        names.AddRange(["VoicedShare", "VoicedRunsPerSecond", "VoicedRunSeconds"]);
        return names.ToArray();
    }

    /// <summary>The functionals of <paramref name="samples"/> (mono, at <paramref name="options"/>' sample rate) into <paramref name="output"/> (<see cref="Names"/>.Count values).</summary>
    public static void Compute(ReadOnlySpan<float> samples, AcousticFunctionalsOptions options, Span<float> output) =>
        new FunctionalsAnalyzer(options).Compute(samples, output);
}
