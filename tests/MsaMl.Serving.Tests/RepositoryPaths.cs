namespace MsaMl.Serving.Tests;

/// <summary>Folders of the repository, found above the test folder.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "MsaMl.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("MsaMl.sln not found above the test folder.");
    }

    /// <summary>A folder under tests/fixtures.</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Root(), "tests", "fixtures", .. parts]);

    /// <summary>Two IEMOCAP fixture recordings whose contents differ.</summary>
    public static string[] TwoWavs() =>
        Directory.GetFiles(Fixture("iemocap", "IEMOCAP_full_release"), "*.wav", SearchOption.AllDirectories).Order()
            .DistinctBy(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).Take(2).ToArray();
}
