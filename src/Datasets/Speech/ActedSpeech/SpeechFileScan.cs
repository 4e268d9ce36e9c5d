namespace MsaMl.Datasets.Speech;

/// <summary>
/// The WAV files under a corpus folder (recursively, in ordinal path order; macOS AppleDouble
/// <c>._*</c> files skipped), and the tally of names a reader could not use, for its warnings.
/// </summary>
internal sealed class SpeechFileScan
{
    private readonly Dictionary<string, List<string>> _skipped = new(StringComparer.Ordinal);

    public SpeechFileScan(string root, string corpus, string expectation)
    {
        if (!Directory.Exists(root)) throw new DatasetRootException(root, "the folder does not exist; " + expectation);
        Files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).Equals(".wav", StringComparison.OrdinalIgnoreCase))
            .Where(f => !Path.GetFileName(f).StartsWith("._", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (Files.Count == 0) throw new DatasetRootException(root, $"no .wav file here or below; {expectation}");
        Corpus = corpus;
    }

    public string Corpus { get; }
    public IReadOnlyList<string> Files { get; }

    /// <summary>Counts <paramref name="file"/> under <paramref name="reason"/> (e.g. "name not of the form …").</summary>
    public void Skip(string file, string reason)
    {
        if (!_skipped.TryGetValue(reason, out var list)) _skipped[reason] = list = [];
        list.Add(Path.GetFileName(file));
    }

    /// <summary>Files skipped, over all reasons.</summary>
    public int SkippedCount => _skipped.Values.Sum(l => l.Count);

    /// <summary>One warning line per reason: count, reason and the first names.</summary>
    public List<string> Warnings()
    {
        var warnings = new List<string>();
        foreach (var (reason, files) in _skipped.OrderBy(p => p.Key, StringComparer.Ordinal))
            WarningList.AddCounted(warnings, $"file(s) skipped: {reason}", files);
        return warnings;
    }
}
