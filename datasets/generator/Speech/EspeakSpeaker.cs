using System.Diagnostics;
using System.Globalization;
using System.Security;
using MsaMl.Transforms.Audio;

namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// Speaks a sentence with the espeak-ng program, then with sox applies the spectral tilt and
/// resamples to <see cref="SampleRate"/> (espeak-ng writes 22050 Hz). Both programs are
/// deterministic for fixed arguments (sox with -R).
/// </summary>
public sealed class EspeakSpeaker : IDisposable
{
    public const int SampleRate = 16000;

    private readonly string _work = Directory.CreateTempSubdirectory("msaml-demo-speech-").FullName;

    public float[] Speak(string sentence, string voice, Prosody prosody)
    {
        string ssmlPath = Path.Combine(_work, "text.ssml");
        string rawPath = Path.Combine(_work, "raw.wav");
        string resampledPath = Path.Combine(_work, "16k.wav");
        File.WriteAllText(ssmlPath,
            $"<speak><prosody range=\"{prosody.RangePercent}%\">{SecurityElement.Escape(Spoken(sentence, prosody.Ending))}</prosody></speak>");

        Run("espeak-ng", "-m", "-z", "-v", voice,
            "-p", Invariant(prosody.Pitch), "-s", Invariant(prosody.Rate), "-a", Invariant(prosody.Amplitude), "-g", Invariant(prosody.WordGap),
            "-w", rawPath, "-f", ssmlPath);
        Run("sox", "-R", rawPath, "-e", "floating-point", "-b", "32", "-c", "1", "-r", Invariant(SampleRate), resampledPath,
            "treble", prosody.TiltDb.ToString("0.0", CultureInfo.InvariantCulture));
        return WavReader.Read(resampledPath).Samples;
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>The transcript with its final punctuation replaced by the prosody's, which sets espeak-ng's closing intonation.</summary>
    private static string Spoken(string sentence, char ending) => sentence.TrimEnd('.', '!', '?') + ending;

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is not installed (apt-get install -y espeak-ng sox): {e.Message}", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"{program} failed with exit code {process.ExitCode}: {stderr.Result}");
        }
    }
}
