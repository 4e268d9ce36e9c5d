namespace MsaMl.Transforms.Audio.Functionals;

/// <summary>
/// Jitter and shimmer from glottal cycles. Within each run of voiced frames, cycle marks are the
/// largest sample of the first period and then, one by one, the largest sample between 0.75 and
/// 1.25 local periods after the previous mark (the local period from the frame pitch), refined by
/// a parabola. Jitter (local) = mean |P(i) − P(i−1)| / mean P over consecutive periods P;
/// shimmer (local) = mean |A(i) − A(i−1)| / mean A over the marks' amplitudes A.
/// </summary>
internal static class PeriodPerturbation
{
    public static (double Jitter, double Shimmer) Measure(ReadOnlySpan<float> samples, IReadOnlyList<PitchEstimate> frames, int sampleRate, int hop, int frameLength)
    {
        double periodDiff = 0, periodSum = 0, amplitudeDiff = 0, amplitudeSum = 0;
        int periodPairs = 0, periods = 0, amplitudePairs = 0, amplitudes = 0;
        int f = 0;
        while (f < frames.Count)
        {
            if (!frames[f].Voiced) { f++; continue; }
            int first = f;
            while (f < frames.Count && frames[f].Voiced) f++;
            int start = first * hop + frameLength / 4, end = Math.Min(samples.Length, (f - 1) * hop + frameLength * 3 / 4);
            var marks = Marks(samples, frames, sampleRate, hop, frameLength, start, end);
            for (int i = 1; i < marks.Count; i++)
            {
                double period = marks[i].Position - marks[i - 1].Position;
                periodSum += period;
                periods++;
                if (i >= 2)
                {
                    periodDiff += Math.Abs(period - (marks[i - 1].Position - marks[i - 2].Position));
                    periodPairs++;
                }
            }
            for (int i = 0; i < marks.Count; i++)
            {
                amplitudeSum += marks[i].Amplitude;
                amplitudes++;
                if (i >= 1)
                {
                    amplitudeDiff += Math.Abs(marks[i].Amplitude - marks[i - 1].Amplitude);
                    amplitudePairs++;
                }
            }
        }
        double jitter = periodPairs > 0 ? periodDiff / periodPairs / (periodSum / periods) : 0;
        double shimmer = amplitudePairs > 0 && amplitudeSum > 0 ? amplitudeDiff / amplitudePairs / (amplitudeSum / amplitudes) : 0;
        return (jitter, shimmer);
    }

    private readonly record struct Mark(double Position, double Amplitude);

    private static List<Mark> Marks(ReadOnlySpan<float> samples, IReadOnlyList<PitchEstimate> frames, int sampleRate, int hop, int frameLength, int start, int end)
    {
        var marks = new List<Mark>();
        double period = PeriodAt(frames, start, sampleRate, hop, frameLength);
        if (period <= 2 || start + period >= end) return marks;
        int mark = Peak(samples, start, start + (int)Math.Ceiling(period));
        while (true)
        {
            marks.Add(Refined(samples, mark));
            period = PeriodAt(frames, mark, sampleRate, hop, frameLength);
            int from = mark + (int)Math.Floor(0.75 * period), to = mark + (int)Math.Ceiling(1.25 * period);
            if (to >= end - 1) break;
            mark = Peak(samples, from, to);
        }
        return marks;
    }

    /// <summary>The period in samples of the voiced frame nearest <paramref name="position"/>.</summary>
    private static double PeriodAt(IReadOnlyList<PitchEstimate> frames, int position, int sampleRate, int hop, int frameLength)
    {
        int frame = Math.Clamp((position - frameLength / 2 + hop / 2) / hop, 0, frames.Count - 1);
        for (int d = 0; d < frames.Count; d++)
        {
            if (frame - d >= 0 && frames[frame - d].Voiced) return sampleRate / frames[frame - d].Frequency;
            if (frame + d < frames.Count && frames[frame + d].Voiced) return sampleRate / frames[frame + d].Frequency;
        }
        return 0;
    }

    private static int Peak(ReadOnlySpan<float> samples, int from, int to)
    {
        int best = from;
        for (int i = from + 1; i <= to && i < samples.Length; i++) if (samples[i] > samples[best]) best = i;
        return best;
    }

    /// <summary>The mark at the vertex of the parabola through the peak sample and its neighbours.</summary>
    private static Mark Refined(ReadOnlySpan<float> samples, int peak)
    {
        if (peak <= 0 || peak >= samples.Length - 1) return new Mark(peak, samples[peak]);
        double left = samples[peak - 1], middle = samples[peak], right = samples[peak + 1];
        double curvature = left - 2 * middle + right;
        if (curvature >= 0) return new Mark(peak, middle);
        double shift = 0.5 * (left - right) / curvature;
        return new Mark(peak + shift, middle - 0.25 * (left - right) * shift);
    }
}
