using System.Globalization;
using System.Text;
using MsaMl.Transforms.Audio;

namespace MsaMl.DemoCorpus.Speech;

/// <summary>
/// The speech + transcript part. Per emotion: every ambiguous sentence spoken once with the
/// emotion's prosody (cue "audio"); as many emotionally worded sentences spoken with the prosody
/// of a randomly drawn emotion (cue "text"); and as many worded sentences spoken with their own
/// emotion's prosody (cue "both").
/// </summary>
public static class SpeechCorpus
{
    public const string TableFile = "speech.tsv";
    public const string ProvenanceFile = "speech-prosody.tsv";
    public const string AudioFolder = "speech";

    private sealed record Utterance(CorpusRow Row, string Voice, string ProsodyEmotion, Prosody Prosody);

    public static IReadOnlyList<CorpusRow> Generate(string demoFolder, int seed, TextWriter log)
    {
        var random = new Random(seed);
        var utterances = Plan(random);
        var rows = utterances.Select(u => u.Row).ToList();
        Splits.Assign(rows.Where(r => r.Cue != "audio").ToList(), random);
        // The four renditions of an ambiguous sentence share a split. Otherwise a text model learns
        // from the train copies that the sentence is "not" the held-out copy's label.
        Splits.AssignGroups(rows.Where(r => r.Cue == "audio").ToList(), r => r.Text, random);

        string audioFolder = Path.Combine(demoFolder, AudioFolder);
        if (Directory.Exists(audioFolder)) Directory.Delete(audioFolder, recursive: true);
        Directory.CreateDirectory(audioFolder);
        using var speaker = new EspeakSpeaker();
        foreach (var u in utterances)
        {
            var speech = speaker.Speak(u.Row.Text, u.Voice, u.Prosody);
            var recording = UtteranceFinishing.Finish(speech, u.Prosody.GainDb, random);
            WavWriter.WritePcm16(Path.Combine(demoFolder, u.Row.RelativePath), recording, EspeakSpeaker.SampleRate);
        }
        log.WriteLine($"speech: {utterances.Count} utterances written to {audioFolder}");

        CorpusTsv.Write(Path.Combine(demoFolder, TableFile), rows);
        WriteProvenance(Path.Combine(demoFolder, ProvenanceFile), utterances);
        return rows;
    }

    private static List<Utterance> Plan(Random random)
    {
        int perCue = SpeechTranscripts.Ambiguous.Count;
        var voices = random.Cycle(SpeechVoices.All);
        var mismatchedProsody = random.Cycle(Emotions.All);
        var planned = new List<(string Label, string Cue, string Text, string ProsodyEmotion)>();
        foreach (var emotion in Emotions.All)
        {
            foreach (var sentence in SpeechTranscripts.Ambiguous) planned.Add((emotion, "audio", sentence, emotion));
            var worded = random.Cycle(SpeechTranscripts.Worded[emotion]);
            for (int i = 0; i < perCue; i++)
            {
                planned.Add((emotion, "text", Next(worded), Next(mismatchedProsody)));
                planned.Add((emotion, "both", Next(worded), emotion));
            }
        }

        // numbered after shuffling, so ids say nothing about the label
        var order = planned.ToArray();
        random.Shuffle(order);
        return order.Select((p, index) =>
        {
            string id = $"sp{index + 1:D3}";
            var row = new CorpusRow(id, p.Label, p.Cue, p.Text, $"{AudioFolder}/{id}.wav");
            return new Utterance(row, Next(voices), p.ProsodyEmotion, EmotionProsody.Sample(p.ProsodyEmotion, random));
        }).ToList();
    }

    private static void WriteProvenance(string path, IEnumerable<Utterance> utterances)
    {
        var text = new StringBuilder("id\tvoice\tprosody_of\tpitch\trange_percent\trate_wpm\tamplitude\tword_gap\tending\ttilt_db\tgain_db\n");
        foreach (var u in utterances)
        {
            var p = u.Prosody;
            text.Append(string.Join('\t', u.Row.Id, u.Voice, u.ProsodyEmotion, p.Pitch, p.RangePercent, p.Rate, p.Amplitude, p.WordGap,
                p.Ending, p.TiltDb.ToString("0.0", CultureInfo.InvariantCulture), p.GainDb.ToString("0.0", CultureInfo.InvariantCulture))).Append('\n');
        }
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
    }

    private static T Next<T>(IEnumerator<T> cycle)
    {
        cycle.MoveNext();
        return cycle.Current;
    }
}
