namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// How one utterance is spoken, in espeak-ng's terms: pitch level <c>-p</c> (0-99), pitch range as
/// an SSML <c>prosody range</c> percentage, rate <c>-s</c> (words per minute), amplitude <c>-a</c>
/// (0-200), extra gap between words <c>-g</c> (10 ms units), the sentence-final punctuation that
/// sets espeak-ng's closing intonation; then, applied to the synthesized audio, a spectral tilt
/// (high-shelf gain in dB above about 3 kHz, standing in for vocal effort: tense, loud speech is
/// brighter, subdued speech duller) and a recording gain in dB.
/// </summary>
public sealed record Prosody(int Pitch, int RangePercent, int Rate, int Amplitude, int WordGap, char Ending, double TiltDb, double GainDb);
