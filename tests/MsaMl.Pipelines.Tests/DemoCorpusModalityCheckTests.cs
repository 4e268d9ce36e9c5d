using Microsoft.ML;
using MsaMl.Datasets;
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
        var textOnly = DemoCorpusLinearProbe.Accuracy(_ml, records, text);
        var otherOnly = DemoCorpusLinearProbe.Accuracy(_ml, records, other);
        var both = DemoCorpusLinearProbe.Accuracy(_ml, records, DemoCorpusLinearProbe.Concatenate(text, other));
        output.WriteLine($"{name} test accuracy: text {textOnly.Test:P1}, other modality {otherOnly.Test:P1}, concatenation {both.Test:P1}");
        output.WriteLine($"{name} validation+test accuracy: text {textOnly.HeldOut:P1}, other modality {otherOnly.HeldOut:P1}, concatenation {both.HeldOut:P1}");
        // asserted on validation + test: twice the rows of the test split alone, so one utterance moves the figure less
        return (textOnly.HeldOut, otherOnly.HeldOut, both.HeldOut);
    }
}
