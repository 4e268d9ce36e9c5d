using System.Globalization;

namespace MsaMl.Benchmarks;

/// <summary>One sentence of the VADER ground truth: "&lt;file stem&gt;:&lt;id&gt;", valence (-4..+4), text, and whether the fixed split holds it out.</summary>
internal sealed record VaderSentence(string Id, float Valence, string Text, bool IsTest);

/// <summary>
/// Reads the four VADER ground-truth files (tab-separated id, valence, text; CRLF; see
/// ../shared/datasets/vader-valence/README.md) and makes the fixed split: of each file, a seeded
/// 20 % (rounded) is held out for testing, the rows shuffled by <see cref="Random"/>(<see cref="SplitSeed"/>).
/// </summary>
internal static class VaderSentences
{
    public static readonly string[] Files =
    {
        "tweets_GroundTruth.txt", "movieReviewSnippets_GroundTruth.txt",
        "amazonReviewSnippets_GroundTruth.txt", "nytEditorialSnippets_GroundTruth.txt",
    };

    /// <summary>The seed of the split (fixed: every run and the peer see the same rows held out).</summary>
    public const int SplitSeed = 20;

    /// <summary>The held-out share of each file.</summary>
    public const double TestShare = 0.2;

    public static List<VaderSentence> Read(string folder)
    {
        var all = new List<VaderSentence>();
        foreach (string name in Files)
        {
            string path = Path.Combine(folder, name);
            if (!File.Exists(path)) throw new FileNotFoundException($"VADER file not found: {path} (give --datasets, the folder holding vader-valence/).", path);
            string stem = name.Split('_')[0];
            var rows = File.ReadAllText(path).Split("\r\n").Where(l => l.Trim().Length > 0).Select((line, i) =>
            {
                var parts = line.Split('\t', 3);
                if (parts.Length != 3 || !float.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out float valence))
                    throw new InvalidDataException($"{path}, line {i + 1}: expected id<TAB>valence<TAB>text, got '{line[..Math.Min(60, line.Length)]}'.");
                return (Id: $"{stem}:{parts[0]}", Valence: valence, Text: parts[2]);
            }).ToList();
            var order = Enumerable.Range(0, rows.Count).ToArray();
            new Random(SplitSeed).Shuffle(order);
            var test = order.Take((int)Math.Round(TestShare * rows.Count)).ToHashSet();
            all.AddRange(rows.Select((r, i) => new VaderSentence(r.Id, r.Valence, r.Text, test.Contains(i))));
        }
        var duplicate = all.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate != null) throw new InvalidDataException($"VADER id '{duplicate.Key}' occurs twice.");
        return all;
    }
}
