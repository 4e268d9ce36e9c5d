using Microsoft.ML;
using MsaMl.Datasets.Video;
using MsaMl.Transforms.Audio;

namespace MsaMl.Pipelines.Tests.Media;

public sealed class FfmpegAudioExtractorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [FfmpegFact]
    public void ExtractsA16kHzMonoWavThroughATemporaryFile()
    {
        string video = TinyVideos.Make(Path.Combine(_temp.Path, "Raw", "vid_1", "3.mp4"));
        string wav = Path.Combine(_temp.Path, "wav", "vid_1", "3.wav");

        Assert.True(new FfmpegAudioExtractor().Extract(video, wav));

        var audio = WavReader.Read(wav);
        Assert.Equal(16000, audio.SampleRate);
        Assert.InRange(audio.DurationSeconds, 0.5, 0.75);
        Assert.True(audio.Samples.Max(Math.Abs) > 0.2f);
        Assert.Equal([wav], Directory.GetFiles(Path.GetDirectoryName(wav)!));
    }

    [FfmpegFact]
    public void AnExtractedWavIsACacheHit()
    {
        string video = TinyVideos.Make(Path.Combine(_temp.Path, "a.mp4"));
        string wav = Path.Combine(_temp.Path, "a.wav");
        var extractor = new FfmpegAudioExtractor();
        extractor.Extract(video, wav);
        var written = File.GetLastWriteTimeUtc(wav);

        Assert.False(extractor.Extract(video, wav));
        Assert.Equal(written, File.GetLastWriteTimeUtc(wav));
    }

    [FfmpegFact]
    public void ACorruptVideoIsAnErrorNamingTheClipAndLeavesNothingBehind()
    {
        string video = Path.Combine(_temp.Path, "vid", "7.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        File.WriteAllBytes(video, Enumerable.Range(0, 4000).Select(i => (byte)(i * 37)).ToArray());
        string wav = Path.Combine(_temp.Path, "out", "7.wav");

        var error = Assert.Throws<MediaExtractionException>(() => new FfmpegAudioExtractor().Extract(video, wav));

        Assert.StartsWith($"{video}: ffmpeg could not decode the video", error.Message);
        Assert.False(File.Exists(wav));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(wav)!));
    }

    [FfmpegFact]
    public void ASilentVideoIsReportedAsSilent()
    {
        string video = TinyVideos.Make(Path.Combine(_temp.Path, "quiet.mp4"), silent: true);

        var error = Assert.Throws<MediaExtractionException>(() => new FfmpegAudioExtractor().Extract(video, Path.Combine(_temp.Path, "quiet.wav")));

        Assert.Contains("quiet.mp4: the audio track is silent", error.Message);
    }

    [FfmpegFact]
    public void AVideoWithoutAnAudioTrackSaysSo()
    {
        string video = TinyVideos.Make(Path.Combine(_temp.Path, "mute.mp4"), withAudio: false);

        var error = Assert.Throws<MediaExtractionException>(() => new FfmpegAudioExtractor().Extract(video, Path.Combine(_temp.Path, "mute.wav")));

        Assert.Equal($"{video}: the video has no audio track", error.Message);
    }

    [Fact]
    public void WithoutFfmpegOneLineSaysHowToInstallIt()
    {
        string video = Path.Combine(_temp.Path, "x.mp4");
        File.WriteAllBytes(video, [1, 2, 3]);
        var extractor = new FfmpegAudioExtractor(new FfmpegOptions { FfmpegPath = Path.Combine(_temp.Path, "no-such-ffmpeg") });

        var error = Assert.Throws<FfmpegNotFoundException>(() => extractor.ExtractAll([(video, Path.Combine(_temp.Path, "x.wav"))]));

        Assert.Contains("apt-get install ffmpeg", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(extractor.IsAvailable());
    }

    [FfmpegFact]
    public void TheReaderExtractsRawVideosIntoTheWavTreeOnceWithProgress()
    {
        _temp.Write("label.csv", "video_id,clip_id,text,label,mode\n-lzEya4AM_4,82_7645,good,2.0,train\n-lzEya4AM_4,32_358999999999995,bad,-2.0,train\nv2,1,broken,0.0,test\n");
        TinyVideos.Make(Path.Combine(_temp.Path, "Raw", "-lzEya4AM_4", "82_7645.mp4"));
        TinyVideos.Make(Path.Combine(_temp.Path, "Raw", "-lzEya4AM_4", "32_359.mp4"));
        Directory.CreateDirectory(Path.Combine(_temp.Path, "Raw", "v2"));
        File.WriteAllBytes(Path.Combine(_temp.Path, "Raw", "v2", "1.mp4"), new byte[500]);
        var reports = new List<ExtractionProgress>();
        var options = new MosiOptions { RootFolder = _temp.Path, Dataset = MmsaDataset.Mosei, ExtractAudioFromVideos = true, ExtractionProgress = new Collect(reports) };

        var table = MosiReader.Read(new MLContext(), options);

        Assert.Equal(Path.Combine(_temp.Path, "wav", "-lzEya4AM_4", "82_7645.wav"), table.Records[0].AudioPath);
        Assert.Equal(Path.Combine(_temp.Path, "wav", "-lzEya4AM_4", "32_359.wav"), table.Records[1].AudioPath);
        Assert.Equal("", table.Records[2].AudioPath);
        Assert.Equal([1, 2, 3], reports.Select(r => r.Done));
        Assert.All(reports, r => Assert.Equal(3, r.Total));
        Assert.Contains(table.Warnings, w => w.StartsWith("1 video(s) whose audio could not be extracted", StringComparison.Ordinal) && w.Contains(Path.Combine("v2", "1.mp4")));
        Assert.Contains(table.Warnings, w => w.StartsWith("1 clip(s) whose video was found only under a rounded clip id", StringComparison.Ordinal));

        // Extracted clips are not extracted again; only the one that failed is tried again.
        reports.Clear();
        var again = MosiReader.Read(new MLContext(), options);
        Assert.Equal(Path.Combine(_temp.Path, "Raw", "v2", "1.mp4"), Assert.Single(reports).Clip);
        Assert.Equal(table.Records.Select(r => r.AudioPath), again.Records.Select(r => r.AudioPath));
    }

    private sealed class Collect(List<ExtractionProgress> into) : IProgress<ExtractionProgress>
    {
        public void Report(ExtractionProgress value) => into.Add(value);
    }
}
