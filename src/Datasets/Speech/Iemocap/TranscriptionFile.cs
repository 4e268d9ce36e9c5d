using System.Text.RegularExpressions;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Parses <c>Session{n}/dialog/transcriptions/&lt;dialog&gt;.txt</c>: one line per turn,
/// <c>&lt;utterance id&gt; [&lt;start&gt;-&lt;end&gt;]: &lt;text&gt;</c>. Lines whose id contains <c>XX</c>
/// are turns without an utterance wav, and scripted dialogs hold speaker-only lines without an id or
/// times (<c>F:[LAUGHTER]</c>, <c>M: You got to...</c>); both are skipped and counted.
/// </summary>
internal static partial class TranscriptionFile
{
    [GeneratedRegex(@"^(?<id>\S+)\s*\[[^\]]*\]\s*:\s?(?<text>.*)$")]
    private static partial Regex TurnLine();

    [GeneratedRegex(@"^[FM]\s*:")]
    private static partial Regex SpeakerOnlyLine();

    public static Transcription Read(string path)
    {
        var textById = new Dictionary<string, string>(StringComparer.Ordinal);
        int skipped = 0;
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.Length == 0) continue;
            string id = line.Split(' ', 2)[0];
            if (id.Contains("XX", StringComparison.Ordinal) || SpeakerOnlyLine().IsMatch(line)) { skipped++; continue; }
            var match = TurnLine().Match(line);
            if (!match.Success)
                throw new DatasetFormatException(path, i + 1,
                    $"expected '<utterance id> [<start>-<end>]: <text>', found '{line}'");
            textById[match.Groups["id"].Value] = match.Groups["text"].Value.Trim();
        }
        return new Transcription(textById, skipped);
    }
}
