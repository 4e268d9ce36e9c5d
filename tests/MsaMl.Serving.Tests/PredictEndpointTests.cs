using System.Text.Json;
using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Pipelines.Scoring;

namespace MsaMl.Serving.Tests;

/// <summary>
/// <c>POST /predict</c> and <c>/predict/batch</c> on bundles from <c>msa train</c>: each answer equals what a
/// single-row PredictionEngine gives for the same file, by multipart upload and by JSON with base64 media.
/// </summary>
[Collection(ServedCollection.Name)]
public sealed class PredictEndpointTests(TrainedBundles bundles)
{
    private static ClassPrediction Direct(string bundle, MultimodalRecord row)
    {
        var ml = new MLContext(seed: 1);
        var (model, _, _) = BundleScoring.Load(ml, bundle);
        return BundleScoring.Engine(ml, model).Predict(row);
    }

    private static void AssertSameScores(ClassPrediction expected, IReadOnlyList<string> classes, JsonElement answer)
    {
        var scores = Answers.Scores(answer);
        Assert.Equal(classes, scores.Keys);
        for (int i = 0; i < classes.Count; i++) Assert.Equal(expected.Score[i], scores[classes[i]], 5);
        Assert.Equal(classes[(int)expected.PredictedLabel - 1], answer.GetProperty("label").GetString());
        Assert.Equal(1.0, scores.Values.Sum(), 4);
    }

    [Fact]
    public async Task AnAudioUploadIsScoredAsThePredictionEngineScoresTheFile()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        string[] wavs = RepositoryPaths.TwoWavs();

        var multipart = await Answers.OkJson(await app.PostFormAsync("predict", ("audio", null, wavs[0])));
        AssertSameScores(Direct(bundles.Audio, new MultimodalRecord { AudioPath = wavs[0] }), app.Model.Classes, multipart);
        Assert.Equal(["audio"], multipart.GetProperty("modalities").EnumerateArray().Select(m => m.GetString()));

        // The same file as base64 JSON gives the same answer; a second recording a different one.
        var json = await Answers.OkJson(await app.PostJsonAsync("predict", new { audio = File.ReadAllBytes(wavs[0]) }));
        Assert.Equal(Answers.Scores(multipart), Answers.Scores(json));
        var other = await Answers.OkJson(await app.PostFormAsync("predict", ("audio", null, wavs[1])));
        Assert.NotEqual(Answers.Scores(multipart).Values, Answers.Scores(other).Values);
    }

    [Fact]
    public async Task ABatchAnswersEachRowInOrderAsSingleRequestsDo()
    {
        await using var app = await ServedApp.StartAsync(bundles.Audio);
        string[] wavs = RepositoryPaths.TwoWavs();
        var batch = await Answers.OkJson(await app.PostJsonAsync("predict/batch", new
        {
            rows = new[] { new { audio = File.ReadAllBytes(wavs[1]) }, new { audio = File.ReadAllBytes(wavs[0]) } },
        }));
        var predictions = batch.GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Equal(2, predictions.Length);
        for (int i = 0; i < 2; i++)
            AssertSameScores(Direct(bundles.Audio, new MultimodalRecord { AudioPath = wavs[1 - i] }), app.Model.Classes, predictions[i]);
    }

    [Fact]
    public async Task AnImageUploadIsScoredAsThePredictionEngineScoresTheFile()
    {
        await using var app = await ServedApp.StartAsync(bundles.Image);
        string image = RepositoryPaths.Fixture("images", "exif-rotate-90.jpg");
        var answer = await Answers.OkJson(await app.PostFormAsync("predict", ("image", null, image)));
        AssertSameScores(Direct(bundles.Image, new MultimodalRecord { ImagePath = image }), app.Model.Classes, answer);
        Assert.Equal(["image"], answer.GetProperty("modalities").EnumerateArray().Select(m => m.GetString()));
    }

    [Fact]
    public async Task ARegressionBundleAnswersAnIntensityForText()
    {
        await using var app = await ServedApp.StartAsync(bundles.Text);
        var ml = new MLContext(seed: 1);
        var (model, _, _) = BundleScoring.Load(ml, bundles.Text);
        float expected = BundleScoring.IntensityEngine(ml, model).Predict(new MultimodalRecord { Text = "what a wonderful film" }).Score;

        var answer = await Answers.OkJson(await app.PostJsonAsync("predict", new { text = "what a wonderful film" }));
        Assert.Equal(expected, answer.GetProperty("intensity").GetSingle(), 5);
        Assert.False(answer.TryGetProperty("label", out _));
        Assert.Equal(["text"], answer.GetProperty("modalities").EnumerateArray().Select(m => m.GetString()));
        var form = await Answers.OkJson(await app.PostFormAsync("predict", ("text", "what a wonderful film", null)));
        Assert.Equal(expected, form.GetProperty("intensity").GetSingle(), 5);
    }

    [Fact]
    public async Task UploadsAreDeletedAfterEachRequestAndTheFolderWhenTheServiceStops()
    {
        string root = Directory.CreateDirectory(Path.Combine(bundles.Folder, "uploads")).FullName;
        var app = await ServedApp.StartAsync(bundles.Audio, new MsaServingOptions { UploadRoot = root });
        string[] wavs = RepositoryPaths.TwoWavs();
        await Answers.OkJson(await app.PostFormAsync("predict", ("audio", null, wavs[0])));
        await Answers.Refused(await app.PostFormAsync("predict", ("audio", null, RepositoryPaths.Fixture("images", "gray.jpg"))), 400, "audio", "WAV");
        string service = Assert.Single(Directory.GetDirectories(root));
        Assert.Empty(Directory.EnumerateFileSystemEntries(service));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(service));
        await app.DisposeAsync();
        Assert.Empty(Directory.GetDirectories(root));
    }
}
