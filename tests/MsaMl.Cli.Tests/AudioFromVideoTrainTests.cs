using System.Text.Json;
using MsaMl.Pipelines.Tests.Media;

namespace MsaMl.Cli.Tests;

/// <summary><c>msa train</c> on MMSA's Raw/&lt;video_id&gt;/&lt;clip_id&gt;.mp4 layout: audio extracted with ffmpeg, or one clear line without it.</summary>
public sealed class AudioFromVideoTrainTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("msaml-raw-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void MakeDataset(bool videos)
    {
        var rows = new[] { ("v_a", "1", "2.0", "train"), ("v_a", "2", "-2.0", "train"), ("v-b", "1", "1.0", "train"), ("v-b", "2", "-1.0", "train"),
                           ("v-b", "3", "0.5", "valid"), ("v_c", "1", "-0.5", "test"), ("v_c", "2", "1.5", "test") };
        File.WriteAllText(Path.Combine(_root, "label.csv"),
            "video_id,clip_id,text,label,mode\n" + string.Concat(rows.Select(r => $"{r.Item1},{r.Item2},some words,{r.Item3},{r.Item4}\n")));
        foreach (var (video, clip, _, _) in rows)
        {
            string path = Path.Combine(_root, "Raw", video, clip + ".mp4");
            if (videos) TinyVideos.Make(path);
            else
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllBytes(path, [0, 1, 2]);
            }
        }
    }

    [FfmpegFact]
    public void AnAudioModelTrainsOnAudioExtractedFromTheVideos()
    {
        MakeDataset(videos: true);
        string output = Path.Combine(_root, "audio.zip");

        var (code, errors) = CliRunner.Run("train", "--dataset", "mosei", "--root", _root, "--model", "audio", "--quick", "--output", output);

        Assert.True(code == 0, errors);
        Assert.Equal(7, Directory.GetFiles(Path.Combine(_root, "wav"), "*.wav", SearchOption.AllDirectories).Length);
        Assert.Contains("audio from videos (ffmpeg, 16 kHz mono): 7/7", errors);
        using var results = JsonDocument.Parse(File.ReadAllText(Path.ChangeExtension(output, ".results.json")));
        Assert.True(results.RootElement.GetProperty("summary").TryGetProperty("Non0_acc_2", out _));
    }

    [Fact]
    public void WithoutFfmpegTheRunStopsWithOneLineSayingHowToInstallIt()
    {
        MakeDataset(videos: false);
        string? path = Environment.GetEnvironmentVariable("PATH");
        Environment.SetEnvironmentVariable("PATH", Path.Combine(_root, "empty-bin"));
        try
        {
            var (code, errors) = CliRunner.Run("train", "--dataset", "mosei", "--root", _root, "--model", "audio", "--quick", "--output", Path.Combine(_root, "m.zip"));

            Assert.Equal(1, code);
            string line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("msa: error: ffmpeg was not found", line);
            Assert.Contains("apt-get install ffmpeg", line);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PATH", path);
        }
    }
}
