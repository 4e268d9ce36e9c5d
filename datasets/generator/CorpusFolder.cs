namespace MsaMl.DemoCorpus;

/// <summary>Finds <c>datasets/demo</c> of the repository this generator belongs to.</summary>
public static class CorpusFolder
{
    public static string Locate()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "datasets", "generator", "MsaMl.DemoCorpus.csproj")))
                    return Path.Combine(dir.FullName, "datasets", "demo");
            }
        }
        throw new DirectoryNotFoundException("cannot find the repository's datasets/generator folder; pass --out <folder>");
    }
}
