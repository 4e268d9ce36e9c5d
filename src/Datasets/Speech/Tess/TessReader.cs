using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Reads TESS (folders such as <c>OAF_angry/OAF_back_angry.wav</c>): one row per file, speaker, word
/// and emotion from the file name (<see cref="TessFileName"/>), text "Say the word &lt;word&gt;".
/// Names that do not follow the convention are counted in the warnings and skipped, never guessed.
/// </summary>
public static class TessReader
{
    public const string Corpus = "TESS";

    private const string Expectation = "expected the TESS folder with <speaker>_<word>_<emotion>.wav files (speakers OAF and YAF)";

    /// <summary>YAF.</summary>
    public static IReadOnlyList<string> DefaultTestSpeakers { get; } = ["YAF"];

    /// <summary>None: TESS has only two speakers.</summary>
    public static IReadOnlyList<string> DefaultValidationSpeakers { get; } = [];

    public static DatasetTable<ActedSpeechRecord> Read(MLContext context, TessOptions options)
    {
        options.Check(Corpus, Expectation);
        string root = Path.GetFullPath(options.RootFolder);
        var scan = new SpeechFileScan(root, Corpus, Expectation);
        var records = new List<ActedSpeechRecord>();
        foreach (string file in scan.Files)
        {
            var name = TessFileName.TryParse(Path.GetFileName(file), out string problem);
            if (name is null) { scan.Skip(file, problem); continue; }
            records.Add(new ActedSpeechRecord
            {
                Id = Path.GetFileNameWithoutExtension(file),
                Text = name.Text,
                AudioPath = file,
                Label = TessFileName.Emotions[name.Emotion],
                Split = options.SplitOf(name.Speaker, DefaultTestSpeakers, DefaultValidationSpeakers),
                Corpus = Corpus,
                Speaker = name.Speaker,
                Gender = "female",
                CorpusLabel = name.Emotion,
                Statement = name.Word,
            });
        }
        return new DatasetTable<ActedSpeechRecord>(context, $"TESS ({options.DescribeSplit(DefaultTestSpeakers, DefaultValidationSpeakers)})", records, scan.Warnings());
    }
}
