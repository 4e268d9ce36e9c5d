namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// Per-emotion prosody: each setting is drawn from a normal distribution around the emotion's
/// mean, so utterances of one emotion vary and neighbouring emotions overlap.
/// </summary>
public static class EmotionProsody
{
    private sealed record Profile(
        double Pitch, double PitchSd,
        double Range, double RangeSd,
        double Rate, double RateSd,
        double Amplitude, double AmplitudeSd,
        double Gap, double GapSd,
        char Ending,
        double Tilt, double TiltSd);

    // neutral: mid pitch, normal range and rate; happy: high, wide, fast, loud-ish, exclamative;
    // sad: low, flat, slow, quiet, pauses between words; angry: mid-low pitch, wide, fast, loud, clipped pauses.
    private static readonly IReadOnlyDictionary<string, Profile> Profiles = new Dictionary<string, Profile>
    {
        [Emotions.Neutral] = new(45, 5, 80, 10, 165, 8, 85, 8, 1, 0.5, '.', 0, 1.5),
        [Emotions.Happy] = new(80, 4, 190, 20, 200, 10, 125, 8, 0, 0.5, '!', 2, 1.5),
        [Emotions.Sad] = new(15, 5, 30, 10, 130, 8, 45, 8, 4, 1, '.', -6, 1.5),
        [Emotions.Angry] = new(30, 5, 150, 20, 210, 10, 190, 6, 2, 1, '!', 12, 1.5),
    };

    public static IReadOnlyDictionary<string, string> Describe() =>
        Profiles.ToDictionary(p => p.Key, p =>
            $"-p {p.Value.Pitch}±{p.Value.PitchSd}, range {p.Value.Range}±{p.Value.RangeSd}%, -s {p.Value.Rate}±{p.Value.RateSd}, " +
            $"-a {p.Value.Amplitude}±{p.Value.AmplitudeSd}, -g {p.Value.Gap}±{p.Value.GapSd}, ending '{p.Value.Ending}', " +
            $"tilt {p.Value.Tilt}±{p.Value.TiltSd} dB");

    public static Prosody Sample(string emotion, Random random)
    {
        var p = Profiles[emotion];
        return new Prosody(
            Pitch: Clamp(random.Gaussian(p.Pitch, p.PitchSd), 0, 99),
            RangePercent: Clamp(random.Gaussian(p.Range, p.RangeSd), 10, 250),
            Rate: Clamp(random.Gaussian(p.Rate, p.RateSd), 90, 300),
            Amplitude: Clamp(random.Gaussian(p.Amplitude, p.AmplitudeSd), 20, 200),
            WordGap: Clamp(random.Gaussian(p.Gap, p.GapSd), 0, 20),
            Ending: p.Ending,
            TiltDb: Math.Round(random.Gaussian(p.Tilt, p.TiltSd), 1),
            // recordings differ in level: loudness alone must not give the emotion away
            GainDb: Math.Round(random.Uniform(-1.5, 1.5), 1));
    }

    private static int Clamp(double value, int min, int max) => Math.Clamp((int)Math.Round(value), min, max);
}
