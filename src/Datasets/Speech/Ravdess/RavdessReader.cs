using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Reads RAVDESS's audio-only release (<c>Actor_01/03-01-01-01-01-01-01.wav</c> …): one row per
/// file, emotion, statement, intensity, repetition, actor and gender from the file name
/// (<see cref="RavdessFileName"/>). Names that do not follow the convention, and audio-video or
/// video-only modalities, are counted in the warnings and skipped, never guessed.
/// </summary>
public static class RavdessReader
{
    public const string Corpus = "RAVDESS";

    private const string Expectation = "expected the RAVDESS audio release: Actor_01 … Actor_24 folders of MM-VV-EE-II-SS-RR-AA.wav files";

    /// <summary>Actors 21 to 24.</summary>
    public static IReadOnlyList<string> DefaultTestSpeakers { get; } = ["Actor_21", "Actor_22", "Actor_23", "Actor_24"];

    /// <summary>Actors 19 and 20.</summary>
    public static IReadOnlyList<string> DefaultValidationSpeakers { get; } = ["Actor_19", "Actor_20"];

    public static DatasetTable<ActedSpeechRecord> Read(MLContext context, RavdessOptions options)
    {
        options.Check(Corpus, Expectation);
        string root = Path.GetFullPath(options.RootFolder);
        var scan = new SpeechFileScan(root, Corpus, Expectation);
        var records = new List<ActedSpeechRecord>();
        var misplaced = new List<string>();
        foreach (string file in scan.Files)
        {
            var name = RavdessFileName.TryParse(Path.GetFileName(file), out string problem);
            if (name is null) { scan.Skip(file, problem); continue; }
            if (name.Modality != 3) { scan.Skip(file, "modality not 03 (audio-only)"); continue; }
            bool song = name.VocalChannel == 2;
            if ((song && options.VocalChannel == RavdessVocalChannel.Speech) || (!song && options.VocalChannel == RavdessVocalChannel.Song)) continue;

            string folder = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (folder.StartsWith("Actor_", StringComparison.OrdinalIgnoreCase) && !folder.Equals(name.Speaker, StringComparison.OrdinalIgnoreCase))
                misplaced.Add(Path.GetFileName(file));

            records.Add(new ActedSpeechRecord
            {
                Id = Path.GetFileNameWithoutExtension(file),
                Text = RavdessFileName.Statements[name.Statement],
                AudioPath = file,
                Label = RavdessFileName.Emotions[name.Emotion],
                Split = options.SplitOf(name.Speaker, DefaultTestSpeakers, DefaultValidationSpeakers),
                Corpus = Corpus,
                Speaker = name.Speaker,
                Gender = name.Gender,
                CorpusLabel = $"{name.Emotion:D2}",
                Statement = $"{name.Statement:D2}",
                Intensity = name.Intensity == 1 ? "normal" : "strong",
                Take = $"{name.Repetition:D2}",
            });
        }
        var warnings = scan.Warnings();
        WarningList.AddCounted(warnings, "file(s) kept by their name's actor but stored under another Actor_XX folder", misplaced);
        string channel = options.VocalChannel switch { RavdessVocalChannel.Song => "song", RavdessVocalChannel.Both => "speech and song", _ => "speech" };
        return new DatasetTable<ActedSpeechRecord>(context, $"RAVDESS ({channel}, {options.DescribeSplit(DefaultTestSpeakers, DefaultValidationSpeakers)})", records, warnings);
    }
}
