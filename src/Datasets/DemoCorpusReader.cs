using Microsoft.ML;

namespace MsaMl.Datasets;

/// <summary>
/// Reads the synthetic demo corpus in <c>datasets/demo</c>: <c>speech.tsv</c> (WAV + transcript,
/// four emotions) and <c>images.tsv</c> (PNG + caption, positive/negative). Both are UTF-8,
/// tab-separated, with the header <c>id split label cue text path</c>; paths are relative to the
/// corpus folder and come back absolute.
/// </summary>
public static class DemoCorpusReader
{
    public const string SpeechFile = "speech.tsv";
    public const string ImagesFile = "images.tsv";
    public const string Header = "id\tsplit\tlabel\tcue\ttext\tpath";

    public static readonly IReadOnlyList<string> SpeechLabels = ["neutral", "happy", "sad", "angry"];
    public static readonly IReadOnlyList<string> ImageLabels = ["positive", "negative"];
    public static readonly IReadOnlyList<string> SplitNames = ["train", "validation", "test"];

    /// <summary>
    /// The sentiment intensity of a class on MOSI's [-3, 3] scale, the valence the corpus gives it:
    /// happy 2, neutral 0, sad -1.5, angry -2.5; positive 2, negative -2. It is carried by the same
    /// cues as the class (words, prosody, picture), so regression models can learn it.
    /// </summary>
    public static float IntensityOf(string label) => label switch
    {
        "happy" => 2f,
        "sad" => -1.5f,
        "angry" => -2.5f,
        "positive" => 2f,
        "negative" => -2f,
        _ => 0f,
    };

    private static readonly string[] SpeechCues = ["text", "audio", "both"];
    private static readonly string[] ImageCues = ["text", "image", "both"];
    private const int Columns = 6;

    /// <summary>The speech + transcript part; <paramref name="root"/> is the corpus folder (default: <see cref="LocateRoot"/>).</summary>
    public static DatasetTable<DemoRecord> ReadSpeech(MLContext ml, string? root = null) =>
        Read(ml, root, SpeechFile, "demo-speech", SpeechLabels, SpeechCues, isAudio: true);

    /// <summary>The image + caption part; <paramref name="root"/> is the corpus folder (default: <see cref="LocateRoot"/>).</summary>
    public static DatasetTable<DemoRecord> ReadImages(MLContext ml, string? root = null) =>
        Read(ml, root, ImagesFile, "demo-images", ImageLabels, ImageCues, isAudio: false);

    /// <summary>
    /// Finds <c>datasets/demo</c> by walking up from the application's folder and from the current
    /// directory, so both installed tools and <c>dotnet run</c> from the repository find it.
    /// </summary>
    public static string LocateRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                string candidate = Path.Combine(dir.FullName, "datasets", "demo");
                if (File.Exists(Path.Combine(candidate, SpeechFile))) return candidate;
            }
        }
        throw new DirectoryNotFoundException(
            $"cannot find the demo corpus (datasets/demo/{SpeechFile}) above {AppContext.BaseDirectory} or {Directory.GetCurrentDirectory()}; pass its folder explicitly");
    }

    private static DatasetTable<DemoRecord> Read(MLContext ml, string? root, string fileName, string name,
        IReadOnlyList<string> labels, IReadOnlyList<string> cues, bool isAudio)
    {
        ArgumentNullException.ThrowIfNull(ml);
        string folder = Path.GetFullPath(root ?? LocateRoot());
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"demo corpus folder not found: {folder}");
        string file = Path.Combine(folder, fileName);
        if (!File.Exists(file)) throw new FileNotFoundException($"{folder} is not the demo corpus: {fileName} is missing", file);

        var records = new List<DemoRecord>();
        var warnings = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        string? header = reader.ReadLine();
        if (header != Header)
            throw new DatasetFormatException(file, 1, $"expected the header '{Header.Replace("\t", "<TAB>")}'");

        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line != null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Length == 0) continue;
            var record = Parse(line, file, lineNumber, labels, cues, ids);
            string media = Path.GetFullPath(Path.Combine(folder, record.Path));
            if (!File.Exists(media))
            {
                warnings.Add($"{file}, line {lineNumber}: {record.Path} not found; row skipped");
                continue;
            }
            var row = record.Row;
            if (isAudio) row.AudioPath = media; else row.ImagePath = media;
            records.Add(row);
        }
        if (records.Count == 0) throw new DatasetFormatException(file, 0, "no rows");
        return new DatasetTable<DemoRecord>(ml, name, records, warnings);
    }

    private static (DemoRecord Row, string Path) Parse(string line, string file, int lineNumber,
        IReadOnlyList<string> labels, IReadOnlyList<string> cues, HashSet<string> ids)
    {
        var fields = line.Split('\t');
        if (fields.Length != Columns)
            throw new DatasetFormatException(file, lineNumber, $"expected {Columns} tab-separated fields (id, split, label, cue, text, path), found {fields.Length}");
        var (id, split, label, cue, text, path) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);
        if (id.Length == 0 || !ids.Add(id))
            throw new DatasetFormatException(file, lineNumber, id.Length == 0 ? "empty id" : $"duplicate id '{id}'");
        Require(SplitNames, split, "split", file, lineNumber);
        Require(labels, label, "label", file, lineNumber);
        Require(cues, cue, "cue", file, lineNumber);
        if (path.Length == 0 || System.IO.Path.IsPathRooted(path) || path.Split('/', '\\').Contains(".."))
            throw new DatasetFormatException(file, lineNumber, $"path '{path}' must be relative to the corpus folder");
        return (new DemoRecord { Id = id, Split = split, Label = label, Cue = cue, Text = text, Sentiment = IntensityOf(label) }, path);
    }

    private static void Require(IReadOnlyList<string> allowed, string value, string field, string file, int lineNumber)
    {
        if (!allowed.Contains(value))
            throw new DatasetFormatException(file, lineNumber, $"unknown {field} '{value}'; expected one of {string.Join(", ", allowed)}");
    }
}
