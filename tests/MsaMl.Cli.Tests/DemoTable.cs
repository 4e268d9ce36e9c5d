namespace MsaMl.Cli.Tests;

/// <summary>
/// A small CSV table (id, text, file, label, split) over the demo corpus's images or WAVs, written at
/// run time with absolute paths, in which one row's file can be replaced by a broken one.
/// </summary>
internal static class DemoTable
{
    public const string Map = "id=id,text=text,image=file,label=label,split=split";
    public const string AudioMap = "id=id,text=text,audio=file,label=label,split=split";

    /// <summary>The folder of the demo corpus (datasets/demo), found above the test folder.</summary>
    public static string DemoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", "demo");
            if (File.Exists(Path.Combine(candidate, "images.tsv"))) return candidate;
        }
        throw new DirectoryNotFoundException("datasets/demo not found above the test folder.");
    }

    /// <summary>
    /// Writes <paramref name="path"/>: the first <paramref name="perSplit"/> rows of each split of the demo
    /// corpus's <paramref name="corpus"/> (images or speech) in the order train, validation, test; the
    /// file of table line <paramref name="brokenLine"/> (the header is line 1) becomes <paramref name="brokenFile"/>;
    /// with <paramref name="everySplit"/>, every row's split column holds that instead.
    /// </summary>
    public static void Write(string path, string corpus, int perSplit, int brokenLine = 0, string? brokenFile = null, string? everySplit = null)
    {
        string demo = DemoFolder();
        var rows = File.ReadAllLines(Path.Combine(demo, corpus + ".tsv")).Skip(1)
            .Select(l => l.Split('\t'))
            .GroupBy(f => f[1])
            .OrderBy(g => Array.IndexOf(new[] { "train", "validation", "test" }, g.Key))
            .SelectMany(g => g.Take(perSplit))
            .ToList();
        var lines = new List<string> { "id,text,file,label,split" };
        foreach (var f in rows)
        {
            string file = lines.Count + 1 == brokenLine ? brokenFile! : Path.Combine(demo, f[5]);
            lines.Add($"{f[0]},\"{f[4]}\",{file},{f[2]},{everySplit ?? f[1]}");
        }
        File.WriteAllLines(path, lines);
    }
}
