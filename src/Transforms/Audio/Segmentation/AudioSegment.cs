namespace MsaMl.Transforms.Audio.Segmentation;

/// <summary>One utterance-like stretch of a long recording: where it starts and ends (seconds from the file's start) and its mono samples.</summary>
public sealed record AudioSegment(double StartSeconds, double EndSeconds, float[] Samples, int SampleRate);
