namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>Computes <see cref="AcousticFunctionals"/> with buffers reused from utterance to utterance; one per thread.</summary>
internal sealed class FunctionalsAnalyzer
{
    private const double ActiveRangeDb = 40;
    private readonly AcousticFunctionalsOptions _options;
    private readonly int _hop, _frame, _pitchFrame;
    private readonly PitchTracker _pitch;
    private readonly SpectralFrame _spectral;

    public FunctionalsAnalyzer(AcousticFunctionalsOptions options)
    {
        _options = options;
        _hop = options.SampleRate / 100;
        _frame = options.SampleRate / 40;
        _pitchFrame = options.SampleRate / 25;
        _pitch = new PitchTracker(options.SampleRate, options.MinPitchHz, options.MaxPitchHz, options.VoicingThreshold, _pitchFrame);
        _spectral = new SpectralFrame(options.SampleRate, _frame);
    }

    public void Compute(ReadOnlySpan<float> samples, Span<float> output)
    {
        output.Clear();
        int frames = samples.Length < _pitchFrame ? 0 : (samples.Length - _pitchFrame) / _hop + 1;
        if (frames == 0) return;
        var rms = new double[frames];
        for (int f = 0; f < frames; f++) rms[f] = Rms(SpectralWindow(samples, f));
        double loudest = rms.Max();
        double floor = Math.Max(loudest * Math.Pow(10, -ActiveRangeDb / 20), 1e-5);

        var pitches = new PitchEstimate[frames];
        var semitones = new List<double>();
        var hnr = new List<double>();
        var loudness = new List<double>();
        var formants = new List<double>[] { new(), new(), new() };
        var voicedSpectral = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        var unvoicedSpectral = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        var cepstra = Enumerable.Range(0, 4).Select(_ => new List<double>()).ToArray();
        int active = 0;
        for (int f = 0; f < frames; f++)
        {
            if (rms[f] < floor) continue;
            active++;
            var pitch = _pitch.Estimate(samples.Slice(f * _hop, _pitchFrame));
            pitches[f] = pitch;
            var window = SpectralWindow(samples, f);
            var d = _spectral.Describe(window);
            loudness.Add(d.Loudness);
            double[] spectral = [d.AlphaRatio, d.HammarbergIndex, d.SlopeLow, d.SlopeHigh];
            double[] mfcc = [d.Mfcc1, d.Mfcc2, d.Mfcc3, d.Mfcc4];
            for (int c = 0; c < 4; c++) cepstra[c].Add(mfcc[c]);
            if (pitch.Voiced)
            {
                semitones.Add(12 * Math.Log2(pitch.Frequency / 27.5));
                double r = Math.Clamp(pitch.Correlation, 1e-4, 0.9999);
                hnr.Add(10 * Math.Log10(r / (1 - r)));
                var (f1, f2, f3) = _spectral.Formants(window);
                if (f1 > 0) formants[0].Add(f1);
                if (f2 > 0) formants[1].Add(f2);
                if (f3 > 0) formants[2].Add(f3);
                for (int s = 0; s < 4; s++) voicedSpectral[s].Add(spectral[s]);
            }
            else for (int s = 0; s < 4; s++) unvoicedSpectral[s].Add(spectral[s]);
        }

        var writer = new FunctionalWriter(output);
        writer.Distribution(semitones);
        writer.Distribution(loudness);
        writer.MeanStd(hnr);
        var (jitter, shimmer) = PeriodPerturbation.Measure(samples, pitches, _options.SampleRate, _hop, _pitchFrame);
        writer.Value(jitter);
        writer.Value(shimmer);
        foreach (var formant in formants) writer.MeanStd(formant);
        for (int s = 0; s < 4; s++)
        {
            writer.MeanStd(voicedSpectral[s]);
            writer.Value(FunctionalWriter.Mean(unvoicedSpectral[s]));
        }
        foreach (var c in cepstra) writer.MeanStd(c);
        var (runs, runFrames) = VoicedRuns(pitches);
        writer.Value(active > 0 ? (double)semitones.Count / active : 0);
        writer.Value(runs / (samples.Length / (double)_options.SampleRate));
        writer.Value(runs > 0 ? runFrames * _hop / (double)_options.SampleRate / runs : 0);
    }

    /// <summary>The 25 ms analysis window centred in pitch frame <paramref name="f"/>.</summary>
    private ReadOnlySpan<float> SpectralWindow(ReadOnlySpan<float> samples, int f) =>
        samples.Slice(f * _hop + (_pitchFrame - _frame) / 2, _frame);

    private static double Rms(ReadOnlySpan<float> window)
    {
        double sum = 0;
        foreach (float v in window) sum += (double)v * v;
        return Math.Sqrt(sum / window.Length);
    }

    private static (int Runs, int Frames) VoicedRuns(PitchEstimate[] pitches)
    {
        int runs = 0, frames = 0;
        for (int f = 0; f < pitches.Length; f++)
        {
            if (!pitches[f].Voiced) continue;
            frames++;
            if (f == 0 || !pitches[f - 1].Voiced) runs++;
        }
        return (runs, frames);
    }
}
