namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// Turns synthesizer output into a "recording": leading and trailing silence trimmed (with a short
/// margin), the recording gain applied, and a faint noise floor added, since real microphones
/// never record digital silence.
/// </summary>
public static class UtteranceFinishing
{
    private const float SilenceThreshold = 0.01f;
    private const int MarginSamples = EspeakSpeaker.SampleRate * 3 / 100;

    public static float[] Finish(float[] speech, double gainDb, Random random)
    {
        int first = Array.FindIndex(speech, s => Math.Abs(s) > SilenceThreshold);
        int last = Array.FindLastIndex(speech, s => Math.Abs(s) > SilenceThreshold);
        if (first < 0) throw new InvalidOperationException("the synthesizer produced silence");
        first = Math.Max(0, first - MarginSamples);
        last = Math.Min(speech.Length - 1, last + MarginSamples);

        float gain = (float)Math.Pow(10, gainDb / 20);
        float noise = (float)random.Uniform(0.0001, 0.0003);
        var output = new float[last - first + 1];
        for (int i = 0; i < output.Length; i++)
            output[i] = Math.Clamp(speech[first + i] * gain + noise * (float)random.Gaussian(0, 1), -1f, 1f);
        return output;
    }
}
