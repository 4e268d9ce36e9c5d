using System.Text;
using System.Text.Json;
using MsaMl.Datasets;
using MsaMl.Pipelines.Scoring;
using MsaMl.Pipelines.Tests.Media;

namespace MsaMl.Cli.Tests;

/// <summary>
/// The visual modality through <c>msa train</c>: a table of 1 s MP4 clips whose frames carry the
/// label (bright or dark, in one of five hues) and whose text does not (each test sentence once per
/// class): the visual model learns the label, the text model stays at chance.
/// </summary>
public sealed class VisualModalityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-visual-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private const string Map = "video=Clip,text=Text,label=Label,split=Split";
    private static readonly string[] Hues = ["ff0000", "00ff00", "0000ff", "ffff00", "00ffff"];
    private static readonly string[] Sentences = ["we went there on a tuesday", "the room had a long table", "it lasted about an hour", "they talked about the weather"];

    /// <summary>20 pairs, a bright and a dark clip of one hue with one sentence; pairs 0-11 train, 12-19 test.</summary>
    private string Table()
    {
        var csv = new StringBuilder("Clip,Text,Label,Split\n");
        for (int pair = 0; pair < 20; pair++)
            foreach (bool bright in new[] { true, false })
            {
                string clip = TinyVideos.Colour(Path.Combine(_folder, "clips", $"{pair}-{(bright ? "bright" : "dark")}.mp4"), Colour(pair, bright));
                csv.Append($"{clip},{Sentences[pair % Sentences.Length]},{(bright ? "positive" : "negative")},{(pair < 12 ? "train" : "test")}\n");
            }
        string path = Path.Combine(_folder, "clips.csv");
        File.WriteAllText(path, csv.ToString());
        return path;
    }

    /// <summary>Pastel for bright, near black for dark, in one of the hues.</summary>
    private static string Colour(int pair, bool bright) =>
        "0x" + string.Concat(Hues[pair % Hues.Length].Chunk(2).Select(c => c[0] == 'f' ? (bright ? "f0" : "40") : (bright ? "a0" : "00")));

    private JsonElement Train(string table, string model) => Train(model, "--dataset", "table", "--root", table, "--map", Map);

    private JsonElement Train(string model, params string[] args)
    {
        string output = Path.Combine(_folder, $"{model}.zip");
        var (code, errors) = CliRunner.Run(["train", .. args, "--model", model, "--quiet", "--output", output]);
        Assert.True(code == 0, errors);
        return JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json"))).RootElement.Clone();
    }

    private static double Accuracy(JsonElement results) => results.GetProperty("summary").GetProperty("WA").GetProperty("mean").GetDouble();

    [FfmpegFact]
    public void TheVisualModelLearnsWhatOnlyTheFramesCarryAndTheTextModelStaysAtChance()
    {
        string table = Table();

        var visual = Train(table, "visual");
        Assert.Equal(["text", "video"], visual.GetProperty("configuration").GetProperty("featurizers").EnumerateObject().Select(p => p.Name));
        Assert.InRange(Accuracy(visual), 0.9, 1);
        // Each test sentence is one positive and one negative clip: whatever the text model says, it is right once.
        Assert.Equal(0.5, Accuracy(Train(table, "text")), 3);
        var late = Train(table, "late");
        Assert.InRange(Accuracy(late), 0.9, 1);
        // The missing-modality table: without the frames only the text is left, and it is at chance; without the text nothing is lost.
        var missing = late.GetProperty("missingModality").EnumerateArray().ToDictionary(r => r.GetProperty("missing").GetString()!, r => Accuracy(r));
        Assert.Equal(["text", "visual"], missing.Keys);
        Assert.InRange(missing["text"], 0.9, 1);
        Assert.Equal(0.5, missing["visual"], 3);
        Assert.False(visual.TryGetProperty("missingModality", out _));

        // The saved visual model scores a video file: in a fresh process, and through PredictionEngine with a VideoPath.
        string bundlePath = Path.Combine(_folder, "visual.zip");
        string bright = Path.Combine(_folder, "clips", "13-bright.mp4"), dark = Path.Combine(_folder, "clips", "13-dark.mp4");
        foreach (var (clip, expected) in new[] { (bright, "positive"), (dark, "negative") })
        {
            var (code, printed, errors) = CliProcess.Run("predict", "--model", bundlePath, "--video", clip, "--json");
            Assert.True(code == 0, errors);
            Assert.Equal(expected, JsonDocument.Parse(printed).RootElement.GetProperty("label").GetString());
        }
        var ml = new Microsoft.ML.MLContext(seed: 1);
        var (bundle, classes, _) = BundleScoring.Load(ml, bundlePath);
        var engine = BundleScoring.Engine(ml, bundle);
        Assert.Equal("positive", classes[(int)engine.Predict(new MultimodalRecord { VideoPath = bright }).PredictedLabel - 1]);
        Assert.Equal("negative", classes[(int)engine.Predict(new MultimodalRecord { VideoPath = dark }).PredictedLabel - 1]);
    }

    [FfmpegFact]
    public void TensorFusionOnAMosiLayoutWithRawVideosReadsAudioTextAndFrames()
    {
        // MMSA's layout: label.csv and Raw/<video_id>/<clip_id>.mp4 only; the audio is extracted from the videos.
        string root = Path.Combine(_folder, "mosi");
        var labels = new StringBuilder("video_id,clip_id,text,label,mode\n");
        for (int pair = 0; pair < 12; pair++)
            foreach (bool bright in new[] { true, false })
            {
                TinyVideos.Colour(Path.Combine(root, "Raw", $"v{pair}", $"{(bright ? 1 : 2)}.mp4"), Colour(pair, bright), withTone: true);
                labels.Append($"v{pair},{(bright ? 1 : 2)},{Sentences[pair % Sentences.Length]},{(bright ? 2 : -2)},{(pair < 8 ? "train" : pair < 10 ? "valid" : "test")}\n");
            }
        File.WriteAllText(Path.Combine(root, "label.csv"), labels.ToString());

        var results = Train("tfn", "--dataset", "mosi", "--root", root, "--quick");

        Assert.Equal(["spectrogram", "text", "video"], results.GetProperty("configuration").GetProperty("featurizers").EnumerateObject().Select(p => p.Name));
        Assert.True(results.GetProperty("summary").TryGetProperty("Has0_acc_2", out _));
        // The missing-modality table for three: each modality alone missing, then each pair, with MMSA's metrics.
        var missing = results.GetProperty("missingModality").EnumerateArray().ToList();
        Assert.Equal(["audio", "text", "visual", "audio + text", "audio + visual", "text + visual"], missing.Select(r => r.GetProperty("missing").GetString()));
        Assert.Equal(["text + visual", "audio + visual", "audio + text", "visual", "text", "audio"], missing.Select(r => r.GetProperty("given").GetString()));
        Assert.All(missing, r => Assert.True(double.IsFinite(r.GetProperty("summary").GetProperty("MAE").GetProperty("mean").GetDouble())));
        var ml = new Microsoft.ML.MLContext(seed: 1);
        var (bundle, _, schema) = BundleScoring.Load(ml, Path.Combine(_folder, "tfn.zip"));
        Assert.Equal(Modalities.Audio | Modalities.Text | Modalities.Visual, BundleScoring.ScoredModalities(bundle, schema));

        // One prediction from a video file: its audio track and frames are extracted; without --text the text is said to be missing, never invented.
        string clip = Path.Combine(root, "Raw", "v10", "1.mp4");
        var (withoutText, printed, notes) = CliProcess.Run("predict", "--model", Path.Combine(_folder, "tfn.zip"), "--video", clip, "--json");
        Assert.True(withoutText == 0, notes);
        Assert.True(float.IsFinite(JsonDocument.Parse(printed).RootElement.GetProperty("intensity").GetSingle()));
        Assert.Contains("note: the model reads text, and none was given; scored as a missing modality from the others.", notes);
        Assert.DoesNotContain("reads audio", notes);
        var (withText, _, quiet) = CliProcess.Run("predict", "--model", Path.Combine(_folder, "tfn.zip"), "--video", clip, "--text", "we went there on a tuesday", "--json");
        Assert.True(withText == 0, quiet);
        Assert.DoesNotContain("note:", quiet);
    }
}
