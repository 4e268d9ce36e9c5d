using System.Globalization;

namespace MsaMl.Transforms.Audio;

/// <summary>
/// Refuses decoded samples that are NaN or infinite (an IEEE float WAV can hold them): they would
/// turn every spectrogram value, and so every score, into NaN, which ranks as no class at all.
/// </summary>
internal static class FiniteSamples
{
    /// <exception cref="InvalidDataException">A sample is not finite; names the first one and its time.</exception>
    public static void Check(ReadOnlySpan<float> samples, int sampleRate)
    {
        for (int i = 0; i < samples.Length; i++)
        {
            if (float.IsFinite(samples[i])) continue;
            string value = float.IsNaN(samples[i]) ? "NaN" : samples[i] > 0 ? "+infinity" : "-infinity";
            double seconds = i / (double)sampleRate;
            throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture,
                $"sample {i} (at {seconds:F3} s) is {value}; expected finite samples (float WAV values are normally within -1 to 1)"));
        }
    }
}
