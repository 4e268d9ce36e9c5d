using System.Text.Json;

namespace MsaMl.Cli.Tests;

/// <summary>
/// <c>msa predict</c> with an audio or an image input, and <c>msa evaluate</c>, on bundles that
/// <c>msa train --quick</c> saves from the fixtures.
/// </summary>
public sealed class PredictAndEvaluateTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-predict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Train(string dataset, string root, string model, out JsonDocument result)
    {
        string bundle = Path.Combine(_folder, $"{dataset}-{model}.zip");
        var (code, output, errors) = CliCapture.Run("train", "--dataset", dataset, "--root", root, "--model", model, "--quick", "--output", bundle, "--json");
        Assert.True(code == 0, errors);
        result = JsonDocument.Parse(output);
        return bundle;
    }

    private static Dictionary<string, double> Predict(string bundle, params string[] input)
    {
        var (code, output, errors) = CliCapture.Run(["predict", "--model", bundle, .. input, "--json"]);
        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(output);
        var scores = json.RootElement.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(1.0, scores.Values.Sum(), 4);
        Assert.Equal(scores.MaxBy(p => p.Value).Key, json.RootElement.GetProperty("label").GetString());
        return scores;
    }

    private static string[] InputColumns(string bundle)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(bundle);
        using var manifest = JsonDocument.Parse(zip.GetEntry("manifest.json")!.Open());
        return manifest.RootElement.GetProperty("InputSchema").EnumerateArray().Select(c => c.GetProperty("Name").GetString()!).ToArray();
    }

    [Fact]
    public void AnAudioModelPredictsFromAWavAndEvaluatesAsItWasTrained()
    {
        string root = FixtureRoot.Iemocap();
        string bundle = Train("iemocap", root, "audio", out var trained);
        // The bundle takes the scoring columns only: no Id, Label or Split (evaluate maps the labels itself).
        Assert.Equal(new[] { "Text", "AudioPath", "ImagePath", "VideoPath" }, InputColumns(bundle));
        // Two recordings that differ (the fixture repeats some).
        var wavs = Directory.GetFiles(root, "*.wav", SearchOption.AllDirectories).Order()
            .DistinctBy(f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))).ToArray();

        var first = Predict(bundle, "--audio", wavs[0]);
        var second = Predict(bundle, "--audio", wavs[1]);
        Assert.NotEqual(first.Values, second.Values); // the audio reaches the network

        var (code, output, errors) = CliCapture.Run("evaluate", "--model", bundle, "--dataset", "iemocap", "--root", root, "--json");
        Assert.True(code == 0, errors);
        Assert.Contains("evaluating test: [####################] 100%", errors); // redirected: plain progress lines
        using var metrics = JsonDocument.Parse(output);
        Assert.True(metrics.RootElement.GetProperty("rows").GetInt32() > 0);
        double trainedWa = trained.RootElement.GetProperty("metrics").GetProperty("WA").GetProperty("mean").GetDouble();
        Assert.Equal(trainedWa, metrics.RootElement.GetProperty("accuracy").GetDouble(), 6);
        Assert.Equal(first.Keys.Order(), metrics.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).Order());
        trained.Dispose();
    }

    [Fact]
    public void AnImageModelPredictsFromAnImageFile()
    {
        string root = FixtureRoot.Of("mvsa", "MVSA_Single");
        string bundle = Train("mvsa", root, "image", out var trained);
        trained.Dispose();
        string images = FixtureRoot.Of("images"); // two different pictures (the MVSA fixture's are all one)

        var first = Predict(bundle, "--image", Path.Combine(images, "gray.jpg"));
        var second = Predict(bundle, "--image", Path.Combine(images, "exif-rotate-90.jpg"));
        Assert.NotEqual(first.Values, second.Values); // the image reaches the network

        var (code, _, errors) = CliCapture.Run("predict", "--model", bundle, "--image", Path.Combine(images, "missing.jpg"));
        Assert.Equal(2, code);
        Assert.Contains("missing.jpg", errors);
    }

    [Fact]
    public void AnEarlyFusionBundleSavedWithoutTheLabelMappingPredictsAndEvaluatesAsItWasTrained()
    {
        // ML.NET's own classifier inside the bundle keeps its class names without the label column.
        string root = FixtureRoot.Iemocap();
        string bundle = Train("iemocap", root, "early", out var trained);
        Assert.Equal(new[] { "Text", "AudioPath", "ImagePath", "VideoPath" }, InputColumns(bundle));
        var wav = Directory.GetFiles(root, "*.wav", SearchOption.AllDirectories).Order().First();
        var scores = Predict(bundle, "--audio", wav, "--text", "I am so happy today");

        var (code, output, errors) = CliCapture.Run("evaluate", "--model", bundle, "--dataset", "iemocap", "--root", root, "--json");
        Assert.True(code == 0, errors);
        using var metrics = JsonDocument.Parse(output);
        Assert.Equal(trained.RootElement.GetProperty("metrics").GetProperty("WA").GetProperty("mean").GetDouble(), metrics.RootElement.GetProperty("accuracy").GetDouble(), 6);
        foreach (string metric in new[] { "WA", "UA", "MacroF1" })   // evaluate reports train's metric set, with the same values
            Assert.Equal(trained.RootElement.GetProperty("metrics").GetProperty(metric).GetProperty("mean").GetDouble(), metrics.RootElement.GetProperty("metrics").GetProperty(metric).GetDouble(), 6);
        Assert.Equal(scores.Keys.Order(), metrics.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!).Order());
        trained.Dispose();
    }

    [Fact]
    public void AFormat1BundleWhoseChainMapsTheLabelStillEvaluates()
    {
        // Format 1 saved the label mapping inside the chain, so evaluate must pass the text labels as they are.
        string bundle = Path.Combine(FixtureRoot.Of("bundles"), "format1-text-aat.zip");
        string table = Path.Combine(FixtureRoot.Of(), "..", "..", "datasets", "demo", "table-example.csv");
        var (code, output, errors) = CliCapture.Run("evaluate", "--model", bundle, "--dataset", "table", "--root", table,
            "--map", "image=Name,text=Text,label=Valence", "--split", "train", "--json");
        Assert.True(code == 0, errors);
        using var metrics = JsonDocument.Parse(output);
        Assert.True(metrics.RootElement.GetProperty("rows").GetInt32() > 0);
        Assert.Equal(new[] { "positive", "negative" }, metrics.RootElement.GetProperty("classes").EnumerateArray().Select(c => c.GetString()!));
        Assert.InRange(metrics.RootElement.GetProperty("accuracy").GetDouble(), 0, 1);
    }
}
