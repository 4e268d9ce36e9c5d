namespace MsaMl.Consumer.Tests;

internal static class RepositoryFiles
{
    /// <summary>The repository root (the folder holding MsaMl.sln), found above the test folder.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MsaMl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MsaMl.sln not found above the test folder.");
    }

    /// <summary>The C# block of README.md that follows the marker comment <paramref name="marker"/>.</summary>
    public static string ReadmeCode(string marker)
    {
        string readme = File.ReadAllText(Path.Combine(Root(), "README.md"));
        int at = readme.IndexOf($"<!-- {marker} -->", StringComparison.Ordinal);
        if (at < 0) throw new InvalidDataException($"README.md has no '<!-- {marker} -->' marker.");
        int start = readme.IndexOf("```csharp", at, StringComparison.Ordinal);
        int end = readme.IndexOf("```", start + 9, StringComparison.Ordinal);
        if (start < 0 || end < 0) throw new InvalidDataException($"README.md: no ```csharp block after '<!-- {marker} -->'.");
        return readme[(start + "```csharp".Length)..end].Trim() + Environment.NewLine;
    }
}
