namespace MsaMl.Transforms.Audio;

/// <summary>
/// Waveform augmentation for small speech corpora: speed perturbation (resampling, which changes
/// tempo and pitch together, as Kaldi's speed perturbation does) and white noise at a given
/// signal-to-noise ratio. Applied to training files only, as extra copies written next to the
/// originals' cache (<see cref="WriteCopies"/>), so any featurizer reads them like recordings.
/// </summary>
public static class SpeechAugmentation
{
    /// <summary>
    /// Plays <paramref name="samples"/> <paramref name="factor"/> times faster (1.1: 10 % shorter and
    /// 10 % higher): resampled from <paramref name="sampleRate"/> to the rate nearest to
    /// rate / factor on a 100 Hz grid (so the resampler's ratio stays small), then read at the
    /// original rate. Returns the new samples and the factor actually applied.
    /// </summary>
    public static (float[] Samples, double Factor) ChangeSpeed(ReadOnlySpan<float> samples, int sampleRate, double factor)
    {
        if (!(factor is >= 0.5 and <= 2)) throw new ArgumentOutOfRangeException(nameof(factor), factor, "speed factor: expected 0.5 to 2.");
        if (sampleRate < 1000) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate: expected at least 1000 Hz.");
        int target = Math.Max(100, (int)Math.Round(sampleRate / factor / 100) * 100);
        if (target == sampleRate) return (samples.ToArray(), 1);
        return (PolyphaseResampler.For(sampleRate, target).Process(samples), sampleRate / (double)target);
    }

    /// <summary>
    /// <paramref name="samples"/> plus Gaussian white noise whose power is the signal's mean power
    /// divided by 10^(<paramref name="snrDb"/> / 10); the noise is drawn from <paramref name="seed"/>
    /// (the same seed gives the same noise). A silent input is returned unchanged.
    /// </summary>
    public static float[] AddNoise(ReadOnlySpan<float> samples, double snrDb, int seed)
    {
        if (!double.IsFinite(snrDb)) throw new ArgumentOutOfRangeException(nameof(snrDb), snrDb, "signal-to-noise ratio: expected a finite number of dB.");
        double power = 0;
        foreach (float s in samples) power += (double)s * s;
        power /= Math.Max(1, samples.Length);
        var noisy = samples.ToArray();
        if (power == 0) return noisy;
        double deviation = Math.Sqrt(power / Math.Pow(10, snrDb / 10));
        var random = new Random(seed);
        for (int i = 0; i < noisy.Length; i++)
        {
            // Box-Muller: two uniform draws give one standard normal value.
            double u = 1 - random.NextDouble(), v = random.NextDouble();
            noisy[i] += (float)(deviation * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v));
        }
        return noisy;
    }

    /// <summary>
    /// Writes the augmented copies of the WAV file <paramref name="path"/> into
    /// <paramref name="folder"/> (16-bit PCM, through a temporary file and a rename): one per speed
    /// factor and one per signal-to-noise ratio, named after the source and the change. A copy that
    /// already exists is kept (the result depends only on the source, the change and the seed).
    /// Returns the copies' paths, speeds first.
    /// </summary>
    public static IReadOnlyList<string> WriteCopies(string path, string folder, IReadOnlyList<double> speeds, IReadOnlyList<double> noiseSnrDb, int seed)
    {
        Directory.CreateDirectory(folder);
        string stem = Path.GetFileNameWithoutExtension(path);
        WavAudio? audio = null;
        WavAudio Source() => audio ??= WavReader.Read(path);
        var copies = new List<string>();
        foreach (double speed in speeds)
        {
            string copy = Path.Combine(folder, FormattableString.Invariant($"{stem}.speed{speed:0.###}.wav"));
            if (!File.Exists(copy)) WavWriter.WritePcm16(copy, ChangeSpeed(Source().Samples, Source().SampleRate, speed).Samples, Source().SampleRate);
            copies.Add(copy);
        }
        foreach (double snr in noiseSnrDb)
        {
            string copy = Path.Combine(folder, FormattableString.Invariant($"{stem}.snr{snr:0.#}.seed{seed}.wav"));
            // The noise seed mixes in the file name, so two files never get the same noise.
            if (!File.Exists(copy)) WavWriter.WritePcm16(copy, AddNoise(Source().Samples, snr, seed ^ StableHash(stem)), Source().SampleRate);
            copies.Add(copy);
        }
        return copies;
    }

    private static int StableHash(string text)
    {
        unchecked
        {
            int hash = (int)2166136261;
            foreach (char c in text) hash = (hash ^ c) * 16777619;
            return hash;
        }
    }
}
