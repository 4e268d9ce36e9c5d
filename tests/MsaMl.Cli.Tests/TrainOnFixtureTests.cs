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

public sealed class CrossCorpusTrainTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-cross-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Tone(string relativePath, double frequency)
    {
        string path = Path.Combine(_folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var samples = Enumerable.Range(0, 8000).Select(i => (float)(0.3 * Math.Sin(2 * Math.PI * frequency * i / 16000))).ToArray();
        MsaMl.Transforms.Audio.WavWriter.WritePcm16(path, samples, 16000);
    }

    [Fact]
    // One seed with --json: the standard deviation is NaN, which must not fail the run.
    public void TrainsOnRavdessAndScoresOnCremaD()
    {
        // Generated tones under the corpora's file names: angry high, sad low.
        foreach (int actor in new[] { 1, 2, 3, 4, 19 })
            for (int rep = 1; rep <= 2; rep++)
            {
                Tone($"ravdess/Actor_{actor:D2}/03-01-05-01-01-{rep:D2}-{actor:D2}.wav", 2000 + 100 * rep);
                Tone($"ravdess/Actor_{actor:D2}/03-01-04-01-01-{rep:D2}-{actor:D2}.wav", 300 + 20 * rep);
            }
        Tone("ravdess/Actor_05/03-01-02-01-01-01-05.wav", 800); // calm: not shared, dropped
        Tone("crema/1001_DFA_ANG_XX.wav", 2050);
        Tone("crema/1002_IEO_ANG_HI.wav", 2150);
        Tone("crema/1003_DFA_SAD_LO.wav", 310);
        Tone("crema/1004_TSI_SAD_XX.wav", 330);
        Tone("crema/1005_TSI_DIS_XX.wav", 900); // disgust: not shared, dropped

        string output = Path.Combine(_folder, "cross.zip");
        var (code, errors) = CliRunner.Run("train", "--dataset", "ravdess", "--root", Path.Combine(_folder, "ravdess"),
            "--test-dataset", "crema-d", "--test-root", Path.Combine(_folder, "crema"), "--model", "audio", "--quick", "--json", "--output", output);
        Assert.True(code == 0, errors);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json")));
        var wa = results.RootElement.GetProperty("summary").GetProperty("WA").GetProperty("values");
        Assert.Equal(1, wa.GetArrayLength());
        Assert.Equal("crema-d", results.RootElement.GetProperty("options").GetProperty("testDataset").GetString());
    }
}
