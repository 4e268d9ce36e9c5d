using Microsoft.ML;
using MsaMl.Pipelines.Datasets;
using Xunit.Abstractions;

namespace MsaMl.Pipelines.Tests;

/// <summary>
/// The property the demo corpus is built for: each modality alone is informative but not
/// sufficient, and the two together do better (so fusion has something to show).
/// </summary>
public sealed class DemoCorpusModalityCheckTests(ITestOutputHelper output)
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void SpeechNeedsBothTranscriptAndAudio()
    {
        var table = DemoCorpusReader.ReadSpeech(_ml);
        var text = DemoCorpusFeatures.TextEmbeddings(_ml, table.Data);
        var audio = DemoCorpusFeatures.PooledSpectrogram(_ml, table.Data);

        var (textOnly, audioOnly, both) = Report("speech", table.Records, text, audio);

        Assert.InRange(textOnly, 0.40, 0.90);
        Assert.InRange(audioOnly, 0.40, 0.90);
        Assert.True(both > Math.Max(textOnly, audioOnly), $"concatenation {both:P1} should beat text {textOnly:P1} and audio {audioOnly:P1}");
    }

    [Fact]
    public void ImagesNeedBothCaptionAndPicture()
    {
        var table = DemoCorpusReader.ReadImages(_ml);
        var captions = DemoCorpusFeatures.TextEmbeddings(_ml, table.Data);
        var pixels = DemoCorpusFeatures.Pixels(_ml, table.Data);

        var (captionOnly, imageOnly, both) = Report("images", table.Records, captions, pixels);

        Assert.InRange(captionOnly, 0.60, 0.95);
        Assert.InRange(imageOnly, 0.60, 0.95);
        Assert.True(both > Math.Max(captionOnly, imageOnly), $"concatenation {both:P1} should beat caption {captionOnly:P1} and image {imageOnly:P1}");
    }

    private (double Text, double Other, double Both) Report(string name, IReadOnlyList<DemoRecord> records, float[][] text, float[][] other)
    {
        var both = DemoCorpusLinearProbe.Concatenate(text, other);
        double Accuracy(float[][] features, params string[] splits) => DemoCorpusLinearProbe.Accuracy(_ml, records, features, "train", splits);

        var result = (Accuracy(text, "test"), Accuracy(other, "test"), Accuracy(both, "test"));
        output.WriteLine($"{name} test accuracy: text {result.Item1:P1}, other modality {result.Item2:P1}, concatenation {result.Item3:P1}");
        output.WriteLine($"{name} validation+test accuracy: text {Accuracy(text, "validation", "test"):P1}, " +
            $"other modality {Accuracy(other, "validation", "test"):P1}, concatenation {Accuracy(both, "validation", "test"):P1}");
        return result;
    }
}
