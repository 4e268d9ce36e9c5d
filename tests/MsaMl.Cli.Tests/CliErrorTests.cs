namespace MsaMl.Cli.Tests;

public sealed class CliErrorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void UnknownDatasetIsBadUsageWithTheKnownNames()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "imagenet");
        Assert.Equal(2, code);
        Assert.Contains("Unknown dataset 'imagenet'", errors);
        Assert.Contains("iemocap", errors);
        Assert.Single(errors.Trim().Split('\n'));
    }

    [Fact]
    public void MissingRootIsBadUsage()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap");
        Assert.Equal(2, code);
        Assert.Contains("--root", errors);

        var (wrongCode, wrongErrors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", Path.Combine(_folder, "nowhere"));
        Assert.Equal(2, wrongCode);
        Assert.Contains("IEMOCAP_full_release", wrongErrors);
    }

    [Fact]
    public void BadBundleIsRefusedInOneLineUnlessVerbose()
    {
        string bundle = Path.Combine(_folder, "model.zip");
        File.WriteAllText(bundle, "not a zip");
        var (code, errors) = CliRunner.Run("predict", "--model", bundle, "--text", "hello");
        Assert.Equal(2, code);
        Assert.Contains("not a readable model bundle", errors);
        Assert.Single(errors.Trim().Split('\n'));

        var (_, verbose) = CliRunner.Run("predict", "--model", bundle, "--text", "hello", "--verbose");
        Assert.Contains("   at ", verbose);
    }

    [Fact]
    public void MissingRequiredOptionIsBadUsage()
    {
        var (code, _) = CliRunner.Run("evaluate", "--dataset", "demo");
        Assert.Equal(2, code);
    }
}

public sealed class ModelChoiceTests
{
    [Fact]
    public void OteOnASpeechDatasetIsOneLineListingTheSpeechModels()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--model", "ote");
        Assert.Equal(2, code);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.Contains("Model 'ote' reads image + text, but the dataset has audio + text", errors);
        Assert.Contains("audio, text, aat, early, late, tfn, attention, composed", errors);
    }

    [Fact]
    public void AatOnAnImageDatasetListsTheImageModels()
    {
        var (code, errors) = CliRunner.Run("train", "--dataset", "demo-images", "--model", "aat");
        Assert.Equal(2, code);
        Assert.Contains("Model 'aat' reads audio + text, but the dataset has image + text", errors);
        Assert.Contains("image, text, ote, early, late, tfn, attention, composed", errors);
    }

    [Fact]
    public void HelpListsTheModelsOfBothKinds()
    {
        var previous = Console.Out;
        var output = new StringWriter();
        Console.SetOut(output);
        try { MsaCli.Run(new[] { "train", "--help" }); }
        finally { Console.SetOut(previous); }
        string help = output.ToString().Replace("\n", " ");
        foreach (var name in new[] { "tfn", "attention", "ote", "aat", "audio", "image", "early", "late" })
            Assert.Contains(name, help);
    }
}
