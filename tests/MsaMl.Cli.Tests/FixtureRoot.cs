namespace MsaMl.Cli.Tests;

internal static class FixtureRoot
{
    /// <summary>The IEMOCAP fixture (tests/fixtures/iemocap/IEMOCAP_full_release), found above the test folder.</summary>
    public static string Iemocap()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "fixtures", "iemocap", "IEMOCAP_full_release");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/fixtures/iemocap not found above the test folder.");
    }

    /// <summary>The demo corpus (datasets/demo: speech/*.wav, images/*.png, table-example.csv), found above the test folder.</summary>
    public static string DemoCorpus()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", "demo");
            if (File.Exists(Path.Combine(candidate, "table-example.csv"))) return candidate;
        }
        throw new DirectoryNotFoundException("datasets/demo not found above the test folder.");
    }

    /// <summary>A fixture folder under tests/fixtures (e.g. "mosi", "MOSI-id"), found above the test folder.</summary>
    public static string Of(params string[] parts)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine([dir.FullName, "tests", "fixtures", .. parts]);
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"tests/fixtures/{string.Join("/", parts)} not found above the test folder.");
    }
}
