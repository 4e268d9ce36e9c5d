using Microsoft.ML;

namespace MsaMl.Datasets.Speech;

/// <summary>
/// Reads CREMA-D (<c>AudioWAV/1001_DFA_ANG_XX.wav</c> …): one row per file, with actor, sentence
/// text, emotion and level from the file name (<see cref="CremaDFileName"/>) and the actor's sex
/// from <c>VideoDemographics.csv</c> when present. Names that do not follow the convention are
/// counted in the warnings and skipped, never guessed.
/// </summary>
public static class CremaDReader
{
    public const string Corpus = "CREMA-D";

    private const string Expectation = "expected CREMA-D's AudioWAV folder (or the folder holding it) with AAAA_SSS_EEE_LL.wav files";

    /// <summary>Actors 1082 to 1091.</summary>
    public static IReadOnlyList<string> DefaultTestSpeakers { get; } = Enumerable.Range(1082, 10).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>Actors 1073 to 1081.</summary>
    public static IReadOnlyList<string> DefaultValidationSpeakers { get; } = Enumerable.Range(1073, 9).Select(a => a.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public static DatasetTable<ActedSpeechRecord> Read(MLContext context, CremaDOptions options)
    {
        options.Check(Corpus, Expectation);
        string root = Path.GetFullPath(options.RootFolder);
        var scan = new SpeechFileScan(root, Corpus, Expectation);
        var warnings = new List<string>();
        var genders = ReadDemographics(root, options.DemographicsPath, warnings);
        var records = new List<ActedSpeechRecord>();
        var noGender = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in scan.Files)
        {
            var name = CremaDFileName.TryParse(Path.GetFileName(file), out string problem);
            if (name is null) { scan.Skip(file, problem); continue; }
            string gender = genders?.GetValueOrDefault(name.Speaker) ?? "";
            if (genders != null && gender.Length == 0) noGender.Add(name.Speaker);
            records.Add(new ActedSpeechRecord
            {
                Id = Path.GetFileNameWithoutExtension(file),
                Text = CremaDFileName.Sentences[name.Sentence],
                AudioPath = file,
                Label = CremaDFileName.Emotions[name.Emotion],
                Split = options.SplitOf(name.Speaker, DefaultTestSpeakers, DefaultValidationSpeakers),
                Corpus = Corpus,
                Speaker = name.Speaker,
                Gender = gender,
                CorpusLabel = name.Emotion,
                Statement = name.Sentence,
                Intensity = CremaDFileName.Levels[name.Level],
            });
        }
        warnings.InsertRange(0, scan.Warnings());
        WarningList.AddCounted(warnings, "actor(s) missing from the demographics file, gender left empty", noGender.Order(StringComparer.Ordinal).ToList());
        return new DatasetTable<ActedSpeechRecord>(context, $"CREMA-D ({options.DescribeSplit(DefaultTestSpeakers, DefaultValidationSpeakers)})", records, warnings);
    }

    // ActorID -> "male"/"female" from VideoDemographics.csv (header ActorID,Age,Sex,Race,Ethnicity).
    private static Dictionary<string, string>? ReadDemographics(string root, string? given, List<string> warnings)
    {
        string? path = given ?? new[] { root, Path.GetDirectoryName(root) ?? root }
            .Select(folder => Path.Combine(folder, "VideoDemographics.csv")).FirstOrDefault(File.Exists);
        if (path == null)
        {
            warnings.Add("VideoDemographics.csv not found beside the audio: the Gender column is empty");
            return null;
        }
        if (!File.Exists(path)) throw new DatasetRootException(path, "the demographics file does not exist; expected CREMA-D's VideoDemographics.csv");
        var lines = File.ReadAllLines(path);
        var header = lines.Length > 0 ? Cells(lines[0]) : [];
        int actor = Array.FindIndex(header, h => h.Equals("ActorID", StringComparison.OrdinalIgnoreCase));
        int sex = Array.FindIndex(header, h => h.Equals("Sex", StringComparison.OrdinalIgnoreCase));
        if (actor < 0 || sex < 0)
            throw new DatasetFormatException(path, 1, "expected a header with ActorID and Sex columns (CREMA-D's VideoDemographics.csv)");
        var genders = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            var cells = Cells(lines[i]);
            if (cells.Length <= Math.Max(actor, sex))
                throw new DatasetFormatException(path, i + 1, $"expected at least {Math.Max(actor, sex) + 1} comma-separated cells");
            genders[cells[actor]] = cells[sex].ToLowerInvariant() switch
            {
                "male" => "male",
                "female" => "female",
                _ => throw new DatasetFormatException(path, i + 1, $"Sex '{cells[sex]}' is neither Male nor Female"),
            };
        }
        return genders;
    }

    private static string[] Cells(string line) => line.Split(',').Select(c => c.Trim().Trim('"')).ToArray();
}
