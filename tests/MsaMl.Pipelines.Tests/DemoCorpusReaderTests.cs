using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests;

public sealed class DemoCorpusReaderTests
{
    private readonly MLContext _ml = new(seed: 1);

    [Fact]
    public void SpeechPartHasFourEmotionsEverySplitAndItsWavFiles()
    {
        var table = DemoCorpusReader.ReadSpeech(_ml);

        Assert.True(table.Records.Count >= 240, $"{table.Records.Count} utterances");
        Assert.Empty(table.Warnings);
        Assert.Equal(DemoCorpusReader.SpeechLabels.Order(), table.Summary.PerLabel.Keys.Order());
        Assert.Equal(DemoCorpusReader.SplitNames.Order(), table.Summary.PerSplit.Keys.Order());
        Assert.Equal(new[] { "audio", "both", "text" }, table.Records.Select(r => r.Cue).Distinct().Order());
        Assert.All(table.Records, r =>
        {
            Assert.True(Path.IsPathRooted(r.AudioPath) && File.Exists(r.AudioPath), r.AudioPath);
            Assert.Equal("", r.ImagePath);
            Assert.False(string.IsNullOrWhiteSpace(r.Text));
        });
    }

    [Fact]
    public void ImagePartIsBalancedAndHasItsPngFiles()
    {
        var table = DemoCorpusReader.ReadImages(_ml);

        Assert.True(table.Records.Count >= 400, $"{table.Records.Count} images");
        Assert.Empty(table.Warnings);
        Assert.Equal(new[] { "negative", "positive" }, table.Summary.PerLabel.Keys.Order());
        Assert.Equal(table.Summary.PerLabel["positive"], table.Summary.PerLabel["negative"]);
        Assert.Equal(DemoCorpusReader.SplitNames.Order(), table.Summary.PerSplit.Keys.Order());
        Assert.Equal(new[] { "both", "image", "text" }, table.Records.Select(r => r.Cue).Distinct().Order());
        Assert.All(table.Records, r => Assert.True(Path.IsPathRooted(r.ImagePath) && File.Exists(r.ImagePath), r.ImagePath));
    }

    [Fact]
    public void DataViewCarriesTheStandardColumnsAndCue()
    {
        var schema = DemoCorpusReader.ReadImages(_ml).Data.Schema;
        foreach (var column in new[] { "Id", "Text", "AudioPath", "ImagePath", "Label", "Split", "Cue" })
            Assert.NotNull(schema.GetColumnOrNull(column));
    }

    [Fact]
    public void MalformedLineNamesFileAndLine()
    {
        using var corpus = new TemporaryCorpus();
        corpus.WriteImage("images/a.png");
        corpus.WriteTable(DemoCorpusReader.ImagesFile,
            DemoCorpusReader.Header,
            "a\ttrain\tpositive\tboth\ta lovely day\timages/a.png",
            "b\ttrain\tpositive\tboth only five fields\timages/a.png");

        var error = Assert.Throws<DatasetFormatException>(() => DemoCorpusReader.ReadImages(_ml, corpus.Root));
        Assert.Equal(Path.Combine(corpus.Root, DemoCorpusReader.ImagesFile), error.File);
        Assert.Equal(3, error.Line);
        Assert.Contains("line 3", error.Message);
    }

    [Fact]
    public void UnknownLabelIsAFormatError()
    {
        using var corpus = new TemporaryCorpus();
        corpus.WriteTable(DemoCorpusReader.SpeechFile,
            DemoCorpusReader.Header,
            "a\ttrain\tbored\taudio\tHello.\tspeech/a.wav");

        var error = Assert.Throws<DatasetFormatException>(() => DemoCorpusReader.ReadSpeech(_ml, corpus.Root));
        Assert.Equal(2, error.Line);
        Assert.Contains("bored", error.Problem);
    }

    [Fact]
    public void MissingMediaFileIsAWarningAndTheRowIsSkipped()
    {
        using var corpus = new TemporaryCorpus();
        corpus.WriteImage("images/a.png");
        corpus.WriteTable(DemoCorpusReader.ImagesFile,
            DemoCorpusReader.Header,
            "a\ttrain\tpositive\tboth\ta lovely day\timages/a.png",
            "b\ttest\tnegative\timage\ta face\timages/missing.png");

        var table = DemoCorpusReader.ReadImages(_ml, corpus.Root);
        Assert.Equal("a", Assert.Single(table.Records).Id);
        Assert.Contains("missing.png", Assert.Single(table.Warnings));
    }

    [Fact]
    public void WrongRootSaysTheTableIsMissing()
    {
        using var corpus = new TemporaryCorpus();
        var error = Assert.Throws<FileNotFoundException>(() => DemoCorpusReader.ReadSpeech(_ml, corpus.Root));
        Assert.Contains(DemoCorpusReader.SpeechFile, error.Message);
    }

    private sealed class TemporaryCorpus : IDisposable
    {
        public string Root { get; } = Directory.CreateTempSubdirectory("msaml-demo-corpus-").FullName;

        public void WriteTable(string name, params string[] lines) =>
            File.WriteAllText(Path.Combine(Root, name), string.Join("\n", lines) + "\n");

        public void WriteImage(string relativePath)
        {
            string path = Path.Combine(Root, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47]);
        }

        public void Dispose() => Directory.Delete(Root, recursive: true);
    }
}
