using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;

namespace MsaMl.Pipelines.Tests;

public class MosiReaderTests
{
    private static readonly string Root = FixturePaths.Of("mosi", "MOSI");

    private static DatasetTable<MosiRecord> Read(string root) =>
        MosiReader.Read(new MLContext(), new MosiOptions { RootFolder = root });

    [Fact]
    public void ReadsEveryClipWithScoreClassAndSplit()
    {
        var table = Read(Root);

        Assert.Equal("CMU-MOSI", table.Name);
        Assert.Equal(
            ["vidA0000001$_$1", "vidA0000001$_$2", "vidA0000001$_$3", "vidB0000002$_$1", "vidB0000002$_$2", "vidB0000002$_$3"],
            table.Records.Select(r => r.Id));
        Assert.Equal([2.4f, 1.0f, 0.0f, -1.6f, -2.6666667f, 0.4f], table.Records.Select(r => r.Sentiment));
        Assert.Equal(["positive", "positive", "neutral", "negative", "negative", "positive"], table.Records.Select(r => r.Label));
        Assert.Equal(["train", "train", "validation", "validation", "test", "test"], table.Records.Select(r => r.Split));
        Assert.Equal("Neutral", table.Records[2].Annotation);
        Assert.All(table.Records, r => Assert.True(float.IsNaN(r.TextSentiment) && float.IsNaN(r.AudioSentiment) && float.IsNaN(r.VisualSentiment)));
        Assert.Equal(("vidB0000002", "1"), (table.Records[3].VideoId, table.Records[3].ClipId));
    }

    [Fact]
    public void QuotedTextKeepsCommasAndDoubledQuotes()
    {
        var records = Read(Root).Records;

        Assert.Equal("IT WAS LONG, BUT THE ENDING WAS GOOD", records[1].Text);
        Assert.Equal("HE SAID \"WOW\" AND THEN LEFT, HONESTLY", records[3].Text);
        Assert.Equal("I REALLY LIKED THIS MOVIE", records[0].Text);
    }

    [Fact]
    public void AudioPathComesFromTheParallelWavTree()
    {
        var table = Read(Root);

        Assert.Equal(Path.Combine(Root, "wav", "vidA0000001", "2.wav"), table.Records[1].AudioPath);
        Assert.True(File.Exists(table.Records[1].AudioPath));
        Assert.Equal("", table.Records[5].AudioPath);
        Assert.Equal("1 clip(s) without a wav file, kept with an empty AudioPath: vidB0000002$_$3", Assert.Single(table.Warnings));
    }

    [Fact]
    public void VideoPathComesFromTheRawTreeWhenItExists()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Root, "label.csv"), Path.Combine(temp.Path, "label.csv"));
        Assert.All(Read(temp.Path).Records, r => Assert.Equal("", r.VideoPath));
        string video = Path.Combine(temp.Path, MosiReader.RawFolderName, "vidA0000001", "2.mp4");
        Directory.CreateDirectory(Path.GetDirectoryName(video)!);
        File.WriteAllBytes(video, [0]);

        var table = Read(temp.Path);

        Assert.Equal(["", video, "", "", "", ""], table.Records.Select(r => r.VideoPath));
        var standard = table.Records[1].ToStandard();
        Assert.Equal(video, standard.VideoPath);
        standard.Blank(Modalities.Visual | Modalities.Text);
        Assert.Equal(("", "", "vidA0000001$_$2"), (standard.VideoPath, standard.Text, standard.Id));
        Assert.Contains(table.Warnings, w => w.StartsWith("5 clip(s) without a video under", StringComparison.Ordinal));
    }

    [Fact]
    public void WithoutAWavFolderEveryAudioPathIsEmptyAndSaidSo()
    {
        using var temp = new TempFolder();
        File.Copy(Path.Combine(Root, "label.csv"), Path.Combine(temp.Path, "label.csv"));

        var table = Read(temp.Path);

        Assert.Equal(6, table.Records.Count);
        Assert.All(table.Records, r => Assert.Equal("", r.AudioPath));
        Assert.StartsWith("no audio folder", Assert.Single(table.Warnings));
    }

    [Fact]
    public void UnimodalLabelsAreReadWhenPresent()
    {
        using var temp = new TempFolder();
        temp.Write("label.csv", "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\nv1,0001,hello,0.8,1.0,-0.2,0.6,Positive,train\n");

        var record = Assert.Single(Read(temp.Path).Records);

        Assert.Equal((0.8f, 1.0f, -0.2f, 0.6f), (record.Sentiment, record.TextSentiment, record.AudioSentiment, record.VisualSentiment));
        Assert.Equal("0001", record.ClipId);
    }

    [Theory]
    [InlineData(2.4f, "positive", "non-negative", "positive", 2, 2)]
    [InlineData(0f, "neutral", "non-negative", null, 0, 0)]
    [InlineData(-2.6666667f, "negative", "negative", "negative", -3, -2)]
    [InlineData(-0.5f, "negative", "negative", "negative", 0, 0)]
    [InlineData(1.5f, "positive", "non-negative", "positive", 2, 2)]
    public void DerivedClassesFollowMmsa(float score, string three, string has0, string? non0, int seven, int five)
    {
        Assert.Equal(three, MosiSentiment.ThreeClass(score));
        Assert.Equal(has0, MosiSentiment.Has0Binary(score));
        Assert.Equal(non0, MosiSentiment.Non0Binary(score));
        Assert.Equal(seven, MosiSentiment.SevenClass(score));
        Assert.Equal(five, MosiSentiment.FiveClass(score));
    }

    [Fact]
    public void NonZeroLeavesOutNeutralClips()
    {
        Assert.Equal(5, MosiReader.NonZero(Read(Root)).Count);
    }

    [Fact]
    public void MalformedRowsNameFileAndLine()
    {
        using var temp = new TempFolder();
        const string header = "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\n";
        string file = temp.Write("label.csv", header + "v1,1,fine,0.5,,,,Positive,train\nv1,2,\"not closed,1.0,,,,Positive,train\n");
        var unclosed = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));
        Assert.Contains($"{file}, line 3:", unclosed.Message);

        temp.Write("label.csv", header + "v1,1,fine,0.5,,,,Positive,train\nv1,2,too much,4.5,,,,Positive,train\n");
        Assert.Contains($"{file}, line 3:", Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Message);

        temp.Write("label.csv", header + "v1,1,\"multi\nline\",0.5,,,,Positive,train\nv1,2,ok,0.5,,,,Positive,holdout\n");
        Assert.Contains($"{file}, line 4: mode must be train, valid, dev, val or test, not 'holdout'", Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Message);

        temp.Write("label.csv", header + "v1,1,unquoted, comma,0.5,,,,Positive,train\n");
        Assert.Contains($"{file}, line 2:", Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Message);

        temp.Write("label.csv", "video_id,clip_id,text,score,mode\n");
        Assert.Contains($"{file}, line 1: the header has no 'label' column", Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Message);
    }

    [Fact]
    public void FolderWithoutLabelCsvNamesFolderAndExpectedFile()
    {
        string parent = FixturePaths.Of("mosi");
        var error = Assert.Throws<DatasetRootException>(() => Read(parent));

        Assert.Equal(parent, error.Folder);
        Assert.Contains("label.csv", error.Message);
    }
}
