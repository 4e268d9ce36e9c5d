using Microsoft.ML;
using System.Text.Json;

namespace MsaMl.Cli.Tests;

public sealed class TrainOnFixtureTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-train-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void LeaveOneSessionOutWritesAFoldPerSession()
    {
        string output = Path.Combine(_folder, "iemocap.zip");
        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--model", "text", "--quick", "--loso", "--output", output);
        Assert.True(code == 0, errors);

        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".loso.json")));
        var folds = results.RootElement.GetProperty("runs").EnumerateArray().Select(r => r.GetProperty("key").GetString()).ToArray();
        Assert.Equal(new[] { "Session1", "Session2", "Session5" }, folds);
        Assert.True(results.RootElement.GetProperty("versions").GetProperty("torchSharp").GetString()!.Length > 0);
        Assert.Equal("iemocap", results.RootElement.GetProperty("options").GetProperty("dataset").GetString());
    }

    [Fact]
    public void TheTensorFusionHeadTrainsAndSavesABundle()
    {
        string output = Path.Combine(_folder, "tfn.zip");
        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--model", "tfn", "--quick", "--output", output);
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(output));
    }

    [Fact]
    public void SeveralSeedsWriteMeanAndStdAndOneBundle()
    {
        string output = Path.Combine(_folder, "iemocap.zip");
        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--model", "aat", "--quick", "--seeds", "2", "--output", output);
        Assert.True(code == 0, errors);
        Assert.True(File.Exists(output));

        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json")));
        Assert.Equal(new[] { 1, 2 }, results.RootElement.GetProperty("seeds").EnumerateArray().Select(s => s.GetInt32()));
        var wa = results.RootElement.GetProperty("summary").GetProperty("WA");
        Assert.Equal(2, wa.GetProperty("values").GetArrayLength());
    }
}

public sealed class FeaturizeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-featurize-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void FeaturizeSavesRowsWithFeaturesThatMlNetCanLoad()
    {
        string root = FixtureRoot.Iemocap();
        string output = Path.Combine(_folder, "features.idv");
        var (code, errors) = CliRunner.Run("featurize", "--dataset", "iemocap", "--root", root, "--output", output);
        Assert.True(code == 0, errors);

        var ml = new Microsoft.ML.MLContext();
        var data = ml.Data.LoadFromBinary(output);
        Assert.NotNull(data.Schema.GetColumnOrNull("Spectrogram"));
        Assert.NotNull(data.Schema.GetColumnOrNull("TextTokens"));
        Assert.True(ml.Data.CreateEnumerable<IdOnly>(data, false).Count() > 3);
        Assert.False(File.Exists(output + ".tmp"));
    }

    public sealed class IdOnly { public string Id { get; set; } = ""; }
}
