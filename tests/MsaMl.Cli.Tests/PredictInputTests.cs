namespace MsaMl.Cli.Tests;

/// <summary>A speech bundle (aat on the IEMOCAP fixture) and an image bundle (ote on the README's example table), trained once for the tests of <c>msa predict</c>'s inputs.</summary>
public sealed class SpeechAndImageBundles : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-bundles-").FullName;

    public SpeechAndImageBundles()
    {
        Speech = Train("speech.zip", "--dataset", "iemocap", "--root", FixtureRoot.Iemocap(), "--model", "aat");
        Image = Train("image.zip", "--dataset", "table", "--root", Path.Combine(FixtureRoot.DemoCorpus(), "table-example.csv"),
            "--map", "image=Name,text=Text,label=Valence", "--model", "ote");
    }

    public string Speech { get; }
    public string Image { get; }
    public string Folder => _folder;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Train(string name, params string[] arguments)
    {
        string bundle = Path.Combine(_folder, name);
        var (code, errors) = CliRunner.Run(["train", .. arguments, "--quick", "--quiet", "--output", bundle]);
        Assert.True(code == 0, errors);
        return bundle;
    }
}

/// <summary>
/// What <c>msa predict</c> does with its inputs: a modality the model does not read is an error
/// (it was ignored), text starting with '@' is text (it was read as a response file), and a named
/// pipe as --audio is refused (it blocked forever).
/// </summary>
public sealed class PredictInputTests(SpeechAndImageBundles bundles) : IClassFixture<SpeechAndImageBundles>
{
    private static string Wav => Path.Combine(FixtureRoot.DemoCorpus(), "speech", "sp001.wav");
    private static string Png => Path.Combine(FixtureRoot.DemoCorpus(), "images", "im001.png");

    [Fact]
    public void AudioForAnImageModelIsRefusedNamingWhatTheModelReads()
    {
        var (code, errors) = CliRunner.Run("predict", "--model", bundles.Image, "--text", "a happy day", "--audio", Wav);
        Assert.Equal(2, code);
        Assert.Equal($"msa: error: --audio: the model {bundles.Image} does not read audio; it reads image + text.", errors.Trim());
    }

    [Fact]
    public void AnImageForASpeechModelIsRefusedNamingWhatTheModelReads()
    {
        var (code, errors) = CliRunner.Run("predict", "--model", bundles.Speech, "--text", "a happy day", "--image", Png);
        Assert.Equal(2, code);
        Assert.Equal($"msa: error: --image: the model {bundles.Speech} does not read image; it reads audio + text.", errors.Trim());

        var (readCode, readErrors) = CliRunner.Run("predict", "--model", bundles.Speech, "--text", "a happy day", "--audio", Wav);
        Assert.True(readCode == 0, readErrors);
    }

    [Fact]
    public void TextStartingWithAnAtSignIsTextNotAResponseFile()
    {
        // System.CommandLine read "@john ..." as a file of arguments: "Response file not found 'john great news'".
        var (code, output, errors) = CliCapture.Run("predict", "--model", bundles.Speech, "--text", "@john great news", "--json");
        Assert.True(code == 0, errors);
        Assert.Contains("\"label\"", output);
    }

    [Fact]
    public void ABundleWhoseOptionsDoNotFitItsWeightsNamesTheBundleAndTheStage()
    {
        string altered = Path.Combine(bundles.Folder, "altered.zip");
        File.Copy(bundles.Speech, altered, overwrite: true);
        using (var zip = System.IO.Compression.ZipFile.Open(altered, System.IO.Compression.ZipArchiveMode.Update))
        {
            var entry = zip.GetEntry("manifest.json")!;
            string manifest;
            using (var reader = new StreamReader(entry.Open())) manifest = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("manifest.json").Open());
            writer.Write(System.Text.RegularExpressions.Regex.Replace(manifest, "\"AudioChannels\":\\s*\\d+", "\"AudioChannels\":40"));
            // Without the manifest hash (as bundles saved before it had), so the stage itself is what fails.
            zip.Comment = "";
        }

        // Was TorchSharp's "Mismatched tensor shape while loading..." alone.
        var (code, errors) = CliRunner.Run("predict", "--model", altered, "--text", "hello");
        Assert.Equal(2, code);
        Assert.Single(errors.Trim().Split('\n'));
        Assert.StartsWith($"msa: error: {altered}: stage ", errors);
        Assert.Contains("('MsaMl.Aat'): ", errors);
    }

    [LinuxFact]
    public void APipeAsAudioIsRefusedNotWaitedFor()
    {
        string pipe = SpecialFiles.Fifo(Path.Combine(bundles.Folder, "pipe.wav"));
        try
        {
            var (code, errors) = SpecialFiles.Within(30, () => CliRunner.Run("predict", "--model", bundles.Speech, "--audio", pipe));
            Assert.Equal(2, code);
            Assert.Equal($"msa: error: audio file {pipe} is a named pipe (FIFO), not a regular file", errors.Trim());
        }
        finally
        {
            File.Delete(pipe);
        }
    }
}
