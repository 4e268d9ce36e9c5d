using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Datasets.Video;
using MsaMl.Transforms.Core;
using MsaMl.Transforms.Video;

namespace MsaMl.Transforms.Tests;

public sealed class VideoRow { public string VideoPath { get; set; } = ""; }

public sealed class VideoFramesTests(VideoClips clips) : IClassFixture<VideoClips>
{
    private const int Features = 512;
    private readonly MLContext _ml = new(seed: 1);

    private static VideoFramesOptions FourFrames(string? pooled = null) => new() { MaxFrames = 4, PooledColumnName = pooled };

    private (VideoFramesTransformer Model, IDataView Output) Featurize(VideoFramesOptions options, params string[] paths)
    {
        var data = _ml.Data.LoadFromEnumerable(paths.Select(p => new VideoRow { VideoPath = p }));
        var model = _ml.Msa().Transforms.VideoFrames(options).Fit(data);
        return (model, model.Transform(data));
    }

    private static float[] Frame(float[] row, int frame) => row.AsSpan(frame * Features, Features).ToArray();

    [FfmpegFact]
    public void TwoSecondsAtOneFrameASecondAreTwoFramesThenZeros()
    {
        var (_, output) = Featurize(FourFrames(), clips.Red);

        Assert.Equal(new[] { 4, Features }, FeatureColumn.ReadShape(output.Schema["VideoFrameFeatures"]));
        Assert.Equal(new[] { 1f, 1f, 0f, 0f }, Columns.Read(output, "VideoFrameMask")[0]);
        var features = Columns.Read(output, "VideoFrameFeatures")[0];
        Assert.Contains(Frame(features, 1), v => v != 0);
        Assert.All(features.AsSpan(2 * Features).ToArray(), v => Assert.Equal(0f, v));
    }

    [FfmpegFact]
    public void FramesOfOneColourAgreeAndTwoColoursDiffer()
    {
        var (_, output) = Featurize(FourFrames(), clips.Red, clips.Blue);
        var rows = Columns.Read(output, "VideoFrameFeatures");

        float[] red0 = Frame(rows[0], 0), red1 = Frame(rows[0], 1);
        for (int i = 0; i < Features; i++) Assert.Equal(red0[i], red1[i], tolerance: 1e-3f);
        Assert.True(Columns.Cosine(red0, Frame(rows[1], 0)) < 0.99);
    }

    [FfmpegFact]
    public void PooledColumnIsTheMeanOfTheRealFrames()
    {
        var (_, output) = Featurize(FourFrames("VideoPooled"), clips.Red);
        var features = Columns.Read(output, "VideoFrameFeatures")[0];
        var pooled = Columns.Read(output, "VideoPooled")[0];

        Assert.Equal(Features, pooled.Length);
        for (int i = 0; i < Features; i++) Assert.Equal((features[i] + features[Features + i]) / 2, pooled[i], tolerance: 1e-4f);
    }

    [FfmpegFact]
    public void AnEmptyPathIsAMissingVideo()
    {
        var (_, output) = Featurize(FourFrames("VideoPooled"), clips.Red, "");

        foreach (string column in new[] { "VideoFrameFeatures", "VideoFrameMask", "VideoPooled" })
            Assert.All(Columns.Read(output, column)[1], v => Assert.Equal(0f, v));
    }

    [FfmpegFact]
    public void PredictionEngineAndTheSavedStageScoreOneVideoAsTheDataViewDoes()
    {
        var (model, output) = Featurize(FourFrames("VideoPooled"), clips.Red, clips.Blue);
        var expected = Columns.Read(output, "VideoPooled")[1];

        var single = _ml.Model.CreatePredictionEngine<VideoRow, PooledOutput>(model).Predict(new VideoRow { VideoPath = clips.Blue });
        var recreated = TransformFactory.Create(model.Kind, model.SaveOptions());
        var reloaded = Columns.Read(recreated.Transform(_ml.Data.LoadFromEnumerable(new[] { new VideoRow { VideoPath = clips.Blue } })), "VideoPooled")[0];

        for (int i = 0; i < Features; i++)
        {
            Assert.Equal(expected[i], single.VideoPooled[i], tolerance: 1e-3f);
            Assert.Equal(expected[i], reloaded[i], tolerance: 1e-3f);
        }
        Assert.Equal(new[] { 1f, 1f, 0f, 0f }, single.VideoFrameMask);
    }

    [FfmpegFact]
    public void ATenHourVideoIsReadNoFurtherThanItsSampledSeconds()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var (_, output) = Featurize(new VideoFramesOptions { MaxFrames = 2, Timeout = TimeSpan.FromSeconds(30) }, clips.TenHours);

        Assert.Equal(new[] { 1f, 1f }, Columns.Read(output, "VideoFrameMask")[0]);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"took {started.Elapsed}");
    }

    [FfmpegFact]
    public void BadVideosAreOneLineErrorsNamingRowAndFile()
    {
        foreach (var (bad, expected) in new[]
        {
            (clips.Missing, "video file not found"),
            (clips.AudioOnly, "has no video stream"),
            (clips.Corrupt, "ffmpeg could not decode the video"),
            (clips.NoFrames, "has no frames"),
        })
        {
            var (_, output) = Featurize(FourFrames(), clips.Red, bad);
            var error = Assert.Throws<MsaInputException>(() => Columns.Read(output, "VideoFrameFeatures"));
            Assert.Equal(1, error.Row);
            Assert.Contains(bad, error.Message);
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain('\n', error.Message);
        }
    }

    [FfmpegFact]
    public void AVideoThatOutlastsTheTimeoutIsStoppedAndReported()
    {
        var (_, output) = Featurize(new VideoFramesOptions { MaxFrames = 2, Timeout = TimeSpan.FromMilliseconds(1) }, clips.Red);

        var error = Assert.Throws<MsaInputException>(() => Columns.Read(output, "VideoFrameFeatures"));
        Assert.Contains("did not finish within VideoFramesOptions.Timeout", error.Message);
        Assert.Contains(clips.Red, error.Message);
    }

    [Fact]
    public void WithoutFfmpegTheErrorSaysHowToInstallIt()
    {
        using var files = new TestFiles();
        string video = files.PathOf("any.mp4");
        File.WriteAllBytes(video, new byte[16]);
        var (_, output) = Featurize(new VideoFramesOptions { FfmpegPath = files.PathOf("no-such-ffmpeg") }, video);

        var error = Assert.Throws<FfmpegNotFoundException>(() => Columns.Read(output, "VideoFrameFeatures"));
        Assert.Contains("apt-get install ffmpeg", error.Message);
        Assert.Contains("VideoFramesOptions.FfmpegPath", error.Message);
    }

    [Theory]
    [InlineData(nameof(VideoFramesOptions.FramesPerSecond), "FramesPerSecond: expected more than 0 and at most 30 frames per second, found 0.")]
    [InlineData(nameof(VideoFramesOptions.MaxFrames), "MaxFrames: expected 1 to 256 frames, found 257.")]
    [InlineData(nameof(VideoFramesOptions.Timeout), "Timeout: expected a positive duration, found 00:00:00.")]
    [InlineData(nameof(VideoFramesOptions.FfmpegPath), "FfmpegPath: expected the ffmpeg executable's path or name, found \"\".")]
    public void OptionsRefuseValuesOutOfRangeInOneLine(string property, string message)
    {
        var options = property switch
        {
            nameof(VideoFramesOptions.FramesPerSecond) => new VideoFramesOptions { FramesPerSecond = 0 },
            nameof(VideoFramesOptions.MaxFrames) => new VideoFramesOptions { MaxFrames = 257 },
            nameof(VideoFramesOptions.Timeout) => new VideoFramesOptions { Timeout = TimeSpan.Zero },
            _ => new VideoFramesOptions { FfmpegPath = "" },
        };

        var error = Assert.Throws<OptionOutOfRangeException>(() => _ml.Msa().Transforms.VideoFrames(options));
        Assert.Equal(property, error.ParamName);
        Assert.Equal(message, error.Message);
    }

    public sealed class PooledOutput
    {
        [VectorType(Features)]
        public float[] VideoPooled { get; set; } = Array.Empty<float>();

        [VectorType(4)]
        public float[] VideoFrameMask { get; set; } = Array.Empty<float>();
    }
}
