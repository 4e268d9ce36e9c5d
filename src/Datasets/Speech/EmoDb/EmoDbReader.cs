using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Reads EmoDB (Berlin Database of Emotional Speech; <c>wav/03a01Fa.wav</c> …): one row per file,
/// speaker, gender, German sentence and emotion from the file name (<see cref="EmoDbFileName"/>).
/// Names that do not follow the convention are counted in the warnings and skipped, never guessed.
/// </summary>
public static class EmoDbReader
{
    public const string Corpus = "EmoDB";

    private const string Expectation = "expected EmoDB's wav folder (or the folder holding it) with SSTTTEV.wav files such as 03a01Fa.wav";

    /// <summary>Speakers 15 and 16.</summary>
    public static IReadOnlyList<string> DefaultTestSpeakers { get; } = ["15", "16"];

    /// <summary>Speaker 14.</summary>
    public static IReadOnlyList<string> DefaultValidationSpeakers { get; } = ["14"];

    public static DatasetTable<ActedSpeechRecord> Read(MLContext context, EmoDbOptions options)
    {
        options.Check(Corpus, Expectation);
        string root = Path.GetFullPath(options.RootFolder);
        var scan = new SpeechFileScan(root, Corpus, Expectation);
        var records = new List<ActedSpeechRecord>();
        foreach (string file in scan.Files)
        {
            var name = EmoDbFileName.TryParse(Path.GetFileName(file), out string problem);
            if (name is null) { scan.Skip(file, problem); continue; }
            records.Add(new ActedSpeechRecord
            {
                Id = Path.GetFileNameWithoutExtension(file),
                Text = EmoDbFileName.Texts[name.Text],
                AudioPath = file,
                Label = EmoDbFileName.Emotions[name.Emotion],
                Split = options.SplitOf(name.Speaker, DefaultTestSpeakers, DefaultValidationSpeakers),
                Corpus = Corpus,
                Speaker = name.Speaker,
                Gender = EmoDbFileName.Genders[name.Speaker],
                CorpusLabel = name.Emotion.ToString(),
                Statement = name.Text,
                Take = name.Version.ToString(),
            });
        }
        return new DatasetTable<ActedSpeechRecord>(context, $"EmoDB ({options.DescribeSplit(DefaultTestSpeakers, DefaultValidationSpeakers)})", records, scan.Warnings());
    }
}
