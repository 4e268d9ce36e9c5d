using System.Text.Json;
using MsaMl.Transforms.Audio;

namespace MsaMl.Cli.Tests;

/// <summary>
/// The fast preset's audio model (acoustic functionals + log-mel statistics -> L-BFGS) from
/// <c>msa train --dataset emodb --model audio</c> with no other flag: it learns what the voice
/// carries, and its bundle scores a WAV in a fresh process.
/// </summary>
public sealed class SpeechRecipeTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("msaml-speechrecipe-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// EmoDB-named files of every speaker: "happy" (F) is a voice-like harmonic signal around 240 Hz,
    /// "sad" (T) around 110 Hz and quieter; each file has its own pitch, length and noise, and each
    /// speaker a pitch offset, so only the pitch and loudness range tells the classes apart.
    /// </summary>
    private string WriteCorpus()
    {
        string root = Path.Combine(_folder, "emodb", "wav");
        Directory.CreateDirectory(root);
        var random = new Random(7);
        string[] speakers = ["03", "08", "09", "10", "11", "12", "13", "14", "15", "16"];
        string[] texts = ["a01", "a02", "a04", "b01", "b02"];
        foreach (var (speaker, s) in speakers.Select((v, i) => (v, i)))
            foreach (string text in texts)
                foreach (char emotion in "FT")
                {
                    double f0 = (emotion == 'F' ? 240 : 110) * (1 + 0.04 * (s - 5) / 5.0) * (0.95 + 0.1 * random.NextDouble());
                    float level = emotion == 'F' ? 0.3f : 0.1f;
                    int length = 16000 * (8 + random.Next(8)) / 10;
                    var samples = new float[length];
                    double phase = 0;
                    for (int i = 0; i < length; i++)
                    {
                        phase += 2 * Math.PI * f0 * (1 + 0.02 * Math.Sin(2 * Math.PI * 3 * i / 16000.0)) / 16000;
                        double voice = Math.Sin(phase) + 0.5 * Math.Sin(2 * phase) + 0.25 * Math.Sin(3 * phase);
                        samples[i] = (float)(level * voice / 1.75 + 0.005 * (random.NextDouble() - 0.5));
                    }
                    WavWriter.WritePcm16(Path.Combine(root, $"{speaker}{text}{emotion}a.wav"), samples, 16000);
                }
        return root;
    }

    [Fact]
    public void TheDefaultEmoDbAudioModelLearnsTheVoiceAndItsBundleScoresInAFreshProcessOneFileAndALongRecording()
    {
        string root = WriteCorpus();
        string bundle = Path.Combine(_folder, "audio.zip");

        var (code, output, errors) = CliProcess.Run("train", "--dataset", "emodb", "--root", root, "--model", "audio", "--quiet", "--json", "--output", bundle);

        Assert.True(code == 0, errors);
        using var result = JsonDocument.Parse(output);
        double ua = result.RootElement.GetProperty("metrics").GetProperty("UA").GetProperty("mean").GetDouble();
        Assert.True(ua >= 0.95, $"UA {ua:P1} on the held-out speakers 15 and 16; pitch and loudness separate the classes");
        using var stored = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(bundle, ".results.json")));
        var configuration = stored.RootElement.GetProperty("configuration");
        Assert.Equal("LbfgsMaximumEntropy", configuration.GetProperty("model").GetProperty("pooled").GetProperty("trainer").GetString());
        // The default averages a second model, fitted on the recordings without their speed copies.
        Assert.False(configuration.GetProperty("model").GetProperty("pooled").GetProperty("averagedWith").GetProperty("trainOnSpeedCopies").GetBoolean());
        Assert.True(configuration.GetProperty("featurizers").TryGetProperty("functionals", out _));

        foreach (var (file, expected) in new[] { ("15a01Fa.wav", "happy"), ("16b02Ta.wav", "sad") })
        {
            var (predictCode, predicted, predictErrors) = CliProcess.Run("predict", "--model", bundle, "--audio", Path.Combine(root, file), "--json");
            Assert.True(predictCode == 0, predictErrors);
            using var prediction = JsonDocument.Parse(predicted);
            Assert.Equal(expected, prediction.RootElement.GetProperty("label").GetString());
            // One recording names no speaker: the per-speaker copy falls back to the training statistics, and says so.
            Assert.Contains("warning: column 'Functionals': rows with an empty 'Speaker' are standardized with the statistics of all", predictErrors);
        }
        TimelineFindsAndLabelsTheUtterancesOfALongRecording(root, bundle);
    }

    /// <summary>
    /// The held-out speakers' files one after another, 0.8 s of faint noise between them, as one
    /// recording: <c>msa timeline</c> finds each file as a segment and labels it.
    /// </summary>
    private void TimelineFindsAndLabelsTheUtterancesOfALongRecording(string root, string bundle)
    {
        var files = Directory.GetFiles(root, "1[56]*.wav").Order(StringComparer.Ordinal).ToList();
        var samples = new List<float>();
        var random = new Random(3);
        var expected = new List<(double Start, double End, string Label)>();
        void Pause() { for (int i = 0; i < 12800; i++) samples.Add((float)(0.001 * (random.NextDouble() - 0.5))); }
        Pause();
        foreach (string file in files)
        {
            var audio = WavReader.Read(file);
            expected.Add((samples.Count / 16000.0, (samples.Count + audio.Samples.Length) / 16000.0, file.EndsWith("Fa.wav", StringComparison.Ordinal) ? "happy" : "sad"));
            samples.AddRange(audio.Samples);
            Pause();
        }
        string recording = Path.Combine(_folder, "long.wav"), csv = Path.Combine(_folder, "timeline.csv");
        WavWriter.WritePcm16(recording, samples.ToArray(), 16000);

        var (code, printed, errors) = CliProcess.Run("timeline", "--model", bundle, "--audio", recording, "--output", csv, "--quiet");

        Assert.True(code == 0, errors);
        Assert.Contains($"{files.Count} segments", printed);
        Assert.True(new FileInfo(Path.ChangeExtension(csv, ".png")).Length > 1000, "the plot");
        var rows = File.ReadAllLines(csv);
        Assert.Equal("start,end,label,happy,sad", rows[0]);
        var segments = rows.Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(files.Count, segments.Count);
        for (int i = 0; i < files.Count; i++)
        {
            Assert.InRange(double.Parse(segments[i][0], System.Globalization.CultureInfo.InvariantCulture), expected[i].Start - 0.3, expected[i].Start + 0.3);
            Assert.InRange(double.Parse(segments[i][1], System.Globalization.CultureInfo.InvariantCulture), expected[i].End - 0.3, expected[i].End + 0.3);
        }
        int right = segments.Zip(expected).Count(p => p.First[2] == p.Second.Label);
        Assert.True(right >= files.Count - 1, $"{right} of {files.Count} segments labelled as their file");
    }

    [Fact]
    public void LosoOnAnActedCorpusHoldsOutEachSpeakerInTurn()
    {
        string root = WriteCorpus();
        string output = Path.Combine(_folder, "loso.zip");

        var (code, printed, errors) = CliProcess.Run("train", "--dataset", "emodb", "--root", root, "--model", "audio", "--loso", "--quiet", "--json", "--output", output);

        Assert.True(code == 0, errors);
        using var result = JsonDocument.Parse(printed);
        var runs = result.RootElement.GetProperty("runs").EnumerateArray().ToList();
        Assert.Equal(10, runs.Count);   // one fold per speaker
        Assert.All(runs, run => Assert.True(run.GetProperty("ua").GetDouble() >= 0.9, $"{run.GetProperty("key").GetString()}: UA {run.GetProperty("ua").GetDouble():P1}"));
        Assert.False(File.Exists(output));   // cross-validation ships no bundle
        using var stored = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".loso.json")));
        Assert.Equal("LeaveOneSpeakerOut", stored.RootElement.GetProperty("configuration").GetProperty("evaluation").GetProperty("protocol").GetString());
    }

    [Fact]
    public void TheSmallCnnAudioModelIsOneSetAway()
    {
        string root = WriteCorpus();
        string bundle = Path.Combine(_folder, "cnn.zip");

        var (code, _, errors) = CliProcess.Run("train", "--dataset", "emodb", "--root", root, "--model", "audio", "--set", "model.pooled=null", "--quick", "--quiet", "--output", bundle);

        Assert.True(code == 0, errors);
        using var stored = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(bundle, ".results.json")));
        var model = stored.RootElement.GetProperty("configuration").GetProperty("model");
        Assert.False(model.TryGetProperty("pooled", out _));
        Assert.Equal("SmallCnn", model.GetProperty("audioEncoder").GetString());
        Assert.Equal(48, model.GetProperty("audioChannels").GetInt32());   // the fast preset's AAT, not the library defaults
    }
}
