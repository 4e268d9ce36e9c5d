namespace MsaMl.Pipelines.Tests;

/// <summary>Finds <c>tests/fixtures</c> by walking up from the test binaries.</summary>
internal static class FixturePaths
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/fixtures not found above {AppContext.BaseDirectory}");
    });

    public static string Of(params string[] parts) => Path.Combine([Root.Value, .. parts]);
}
