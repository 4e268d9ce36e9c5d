using System.Globalization;
using System.Text;
using System.Text.Json;

namespace MsaMl.Cli.Tests;

/// <summary>
/// A table with three modalities (text + audio + image) trains from <c>msa train</c> without code
/// for it in Experiments: the task is the modalities the column map names, and every fusion reads
/// all three (or the subset <c>--modalities</c> names).
/// </summary>
public sealed class ThreeModalityTableTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-trimodal-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Map = "text=Text,audio=Audio,image=Image,label=Valence";

    /// <summary>
    /// 40 rows from the demo corpus's files: positive rows pair a happy utterance, a positive image and a
    /// positive caption; negative rows a sad utterance, a negative image and a negative caption. No
    /// split column: msa draws its seeded, stratified split.
    /// </summary>
    private string Table()
    {
        string demo = DemoFolder();
        static List<string[]> Rows(string tsv) => File.ReadAllLines(tsv).Skip(1).Select(l => l.Split('\t')).ToList();
        var speech = Rows(Path.Combine(demo, "speech.tsv"));
        var images = Rows(Path.Combine(demo, "images.tsv"));
        var text = new StringBuilder("Text,Audio,Image,Valence\n");
        for (int i = 0; i < 40; i++)
        {
            bool positive = i % 2 == 0;
            var utterance = speech.Where(r => r[2] == (positive ? "happy" : "sad")).ElementAt(i / 2);
            var picture = images.Where(r => r[2] == (positive ? "positive" : "negative")).ElementAt(i / 2);
            text.Append(CultureInfo.InvariantCulture, $"\"{picture[4]}\",{Path.Combine(demo, utterance[5])},{Path.Combine(demo, picture[5])},{(positive ? "positive" : "negative")}\n");
        }
        string path = Path.Combine(_folder, "trimodal.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static string DemoFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "datasets", "demo");
            if (File.Exists(Path.Combine(candidate, "speech.tsv"))) return candidate;
        }
        throw new DirectoryNotFoundException("datasets/demo not found above the test folder.");
    }

    private JsonElement Train(string output, params string[] args)
    {
        var (code, errors) = CliRunner.Run(["train", "--dataset", "table", "--root", Table(), "--map", Map, "--quick", "--quiet", "--output", output, .. args]);
        Assert.True(code == 0, errors);
        return JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json"))).RootElement.Clone();
    }

    [Theory]
    [InlineData("tfn")]
    [InlineData("late")]
    [InlineData("attention")]
    [InlineData("early")]
    public void EveryFusionTrainsOverTextAudioAndImage(string model)
    {
        string output = Path.Combine(_folder, $"{model}.zip");
        var results = Train(output, "--model", model);

        var configuration = results.GetProperty("configuration");
        Assert.Equal(["spectrogram", "functionals", "image", "imageFeatures", "text"], configuration.GetProperty("featurizers").EnumerateObject().Select(p => p.Name));
        if (model == "late")
            Assert.Equal(["audio", "image", "text"], configuration.GetProperty("model").GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.InRange(results.GetProperty("summary").GetProperty("WA").GetProperty("mean").GetDouble(), 0, 1);

        // The bundle scores a row from all three inputs in a fresh process, as an app would.
        var (code, prediction, errors) = CliProcess.Run("predict", "--model", output, "--text", "a wonderful day outside",
            "--audio", Path.Combine(DemoFolder(), "speech", "sp002.wav"), "--image", Path.Combine(DemoFolder(), "images", "im003.png"), "--json");
        Assert.True(code == 0, errors);
        using var json = JsonDocument.Parse(prediction);
        Assert.Contains(json.RootElement.GetProperty("label").GetString(), new[] { "negative", "positive" });
    }

    [Fact]
    public void ACompositionOfTheLibrarysEncodersWiresTheirColumns()
    {
        // Word embeddings read token ids (computed only for such a model), the small CNN reads the pixels.
        string config = Path.Combine(_folder, "encoders.json");
        File.WriteAllText(config, """
        {
          "model": {
            "name": "composed",
            "encoders": [
              { "$type": "MeanPooledOptions", "modality": "Audio", "width": 8 },
              { "$type": "ImageEncoderOptions", "modality": "Image", "outDim": 8, "smallCnnWidths": [8, 16] },
              { "$type": "WordEmbeddingOptions", "modality": "Text", "embeddingDim": 8 }
            ],
            "fusion": { "$type": "TensorFusionOptions" },
            "head": { "$type": "MlpHeadOptions", "hidden": 16 }
          }
        }
        """);
        string output = Path.Combine(_folder, "encoders.zip");
        var results = Train(output, "--config", config);
        Assert.Equal(3, results.GetProperty("configuration").GetProperty("model").GetProperty("encoders").GetArrayLength());

        var (code, prediction, errors) = CliProcess.Run("predict", "--model", output, "--text", "so dreary and sad",
            "--audio", Path.Combine(DemoFolder(), "speech", "sp002.wav"), "--image", Path.Combine(DemoFolder(), "images", "im003.png"), "--json");
        Assert.True(code == 0, errors);
        Assert.Contains("\"label\"", prediction);
    }

    [Fact]
    public void ASubsetOfTheModalitiesIsAnAblation()
    {
        var results = Train(Path.Combine(_folder, "subset.zip"), "--model", "tfn", "--modalities", "image,text");
        Assert.Equal("Text, Image", results.GetProperty("configuration").GetProperty("model").GetProperty("modalities").GetString());

        var (code, errors) = CliRunner.Run("train", "--dataset", "table", "--root", Table(), "--map", Map, "--model", "tfn", "--modalities", "audio", "--output", Path.Combine(_folder, "one.zip"));
        Assert.Equal(2, code);
        Assert.Contains("fuses at least two modalities", errors);
    }

    [Fact]
    public void AFusionDefinedOutsideTheLibraryTrainsFromAConfigurationFile()
    {
        string config = Path.Combine(_folder, "max-fusion.json");
        File.WriteAllText(config, """
        {
          "model": {
            "name": "composed",
            "encoders": [
              { "$type": "MeanPooledOptions", "modality": "Audio", "width": 16 },
              { "$type": "MeanPooledOptions", "modality": "Image", "width": 16 },
              { "$type": "MeanPooledOptions", "modality": "Text", "width": 16 }
            ],
            "fusion": { "$type": "MaxFusionOptions", "width": 12 },
            "head": { "$type": "MlpHeadOptions", "hidden": 16 }
          }
        }
        """);
        string output = Path.Combine(_folder, "max.zip");
        var results = Train(output, "--config", config);

        var fusion = results.GetProperty("configuration").GetProperty("model").GetProperty("fusion");
        Assert.Equal(typeof(MaxFusionOptions).FullName, fusion.GetProperty("$type").GetString());
        Assert.Equal(12, fusion.GetProperty("width").GetInt32());
        // The result file reruns the same model (same seed, same metrics).
        string again = Path.Combine(_folder, "again.zip");
        var (code, errors) = CliRunner.Run("train", "--config", Path.ChangeExtension(output, ".results.json"), "--output", again);
        Assert.True(code == 0, errors);
        var rerun = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(again, ".results.json"))).RootElement;
        Assert.Equal(results.GetProperty("summary").GetProperty("WA").GetProperty("mean").GetDouble(), rerun.GetProperty("summary").GetProperty("WA").GetProperty("mean").GetDouble(), 9);

        // An unknown part names the key and lists the parts it knows.
        File.WriteAllText(config, File.ReadAllText(config).Replace("MaxFusionOptions", "NoSuchFusion"));
        var (bad, badErrors) = CliRunner.Run("train", "--dataset", "table", "--root", Table(), "--map", Map, "--config", config, "--output", Path.Combine(_folder, "bad.zip"));
        Assert.Equal(2, bad);
        Assert.Contains("model.fusion.$type", badErrors);
        Assert.Contains("MaxFusionOptions", badErrors);
    }
}
