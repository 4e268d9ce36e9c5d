using System.Diagnostics;

namespace MsaMl.Benchmarks;

/// <summary>
/// Generates spoken test files with espeak-ng and converts them with sox: the same utterances at
/// 16 kHz mono, 22.05 kHz mono, 44.1 kHz stereo and 48 kHz stereo (16-bit PCM), as real corpora
/// ship them (RAVDESS: 48 kHz, some stereo; EmoDB copies: 22.05 kHz; IEMOCAP: 16 kHz).
/// </summary>
internal static class SpeechFiles
{
    public static readonly (int Rate, int Channels)[] Formats = { (16000, 1), (22050, 1), (44100, 2), (48000, 2) };

    private static readonly string[] Sentences =
    {
        "Kids are talking by the door, and nobody seems to mind the noise at all.",
        "Dogs are sitting by the door, waiting for someone to take them for a walk.",
        "It's eleven o'clock and the meeting has not even started yet.",
        "That is exactly what happened when we left the station last night.",
        "I'm on my way to the meeting, so please keep a seat for me.",
        "I wonder what this is about, since nobody told me anything.",
        "The airplane is almost full, but there are two seats near the back.",
        "Maybe tomorrow it will be cold enough to light the fire again.",
        "I would like a new alarm clock that does not ring so loudly.",
        "I think I have a doctor's appointment on Thursday afternoon.",
        "Don't forget a jacket, the wind by the river is very strong.",
        "The surface is slick, so walk slowly and hold on to the rail.",
    };

    private static readonly string[] Voices = { "en-us", "en-gb", "en-us+f3", "en-gb+m3", "en-us+f2" };

    public static bool ToolsPresent() => Which("espeak-ng") && Which("sox");

    /// <summary>Writes <paramref name="count"/> utterances per format under <paramref name="folder"/>; returns the paths by sample rate.</summary>
    public static Dictionary<int, List<string>> Generate(string folder, int count)
    {
        Directory.CreateDirectory(folder);
        var byRate = Formats.ToDictionary(f => f.Rate, _ => new List<string>());
        for (int i = 0; i < count; i++)
        {
            string source = Path.Combine(folder, $"u{i:D3}-espeak.wav");
            int speed = 140 + 7 * (i % 6);
            Run("espeak-ng", $"-v {Voices[i % Voices.Length]} -s {speed} -w \"{source}\" \"{Sentences[i % Sentences.Length]}\"");
            foreach (var (rate, channels) in Formats)
            {
                string path = Path.Combine(folder, $"u{i:D3}-{rate}.wav");
                Run("sox", $"\"{source}\" -r {rate} -c {channels} -b 16 \"{path}\"");
                byRate[rate].Add(path);
            }
            File.Delete(source);
        }
        return byRate;
    }

    private static bool Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, tool)));

    private static void Run(string tool, string arguments)
    {
        var start = new ProcessStartInfo(tool, arguments) { RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {tool}");
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} {arguments} failed: {error}");
    }
}
