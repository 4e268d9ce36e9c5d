namespace MsaMl.Transforms.Audio;

/// <summary>Decoded audio: mono samples in [-1, 1] and their sample rate.</summary>
public sealed record WavAudio(float[] Samples, int SampleRate)
{
    public double DurationSeconds => Samples.Length / (double)SampleRate;
}
