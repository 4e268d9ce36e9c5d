using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Images;

namespace MsaMl.Pipelines.Tests;

public class MvsaReaderTests
{
    private static readonly string SingleRoot = FixturePaths.Of("mvsa", "MVSA_Single");
    private static readonly string MultipleRoot = FixturePaths.Of("mvsa", "MVSA");

    private static DatasetTable<MvsaRecord> Read(string root, Action<MvsaOptions>? configure = null)
    {
        var options = new MvsaOptions { RootFolder = root };
        configure?.Invoke(options);
        return MvsaReader.Read(new MLContext(), options);
    }

    [Fact]
    public void SingleKeepsPostsWhoseTextAndImageLabelsAreNotOpposite()
    {
        var table = Read(SingleRoot);

        Assert.StartsWith("MVSA-Single (", table.Name);
        Assert.Equal(["1", "3", "4", "5", "6"], table.Records.Select(r => r.Id));
        Assert.Equal(["positive", "negative", "neutral", "negative", "positive"], table.Records.Select(r => r.Label));
        var first = table.Records[0];
        Assert.Equal(("neutral", "positive"), (first.TextLabel, first.ImageLabel));
        Assert.Equal("Sunrise over the harbour this morning #nofilter http://t.co/a1b2c3", first.Text);
        Assert.Equal(Path.Combine(SingleRoot, "data", "1.jpg"), first.ImagePath);
        Assert.True(File.Exists(first.ImagePath));
        Assert.Contains(table.Warnings, w => w == "1 post(s) dropped because text and image labels are opposite (positive vs negative): 2");
    }

    [Fact]
    public void TweetTextFallsBackFromUtf8ToWindows1252()
    {
        var records = Read(SingleRoot).Records.ToDictionary(r => r.Id);

        Assert.Equal("Caf\u00e9 closed again \u2013 so \u201cdisappointed\u201d :( http://t.co/g7h8i9", records["3"].Text);
        Assert.Equal("Lost my keys again \U0001F629 #mondays http://t.co/m4n5o6", records["5"].Text);
    }

    [Fact]
    public void MissingImageIsKeptAndReported()
    {
        var table = Read(SingleRoot);

        Assert.Equal("", table.Records.Single(r => r.Id == "5").ImagePath);
        Assert.Contains(table.Warnings, w => w == "1 post(s) without data/<ID>.jpg, kept with an empty ImagePath: 5");
    }

    [Fact]
    public void MultipleTakesTheMajorityPerModalityAndDropsTies()
    {
        var table = Read(MultipleRoot);

        Assert.StartsWith("MVSA-Multiple (majority of 3 annotators per modality", table.Name);
        Assert.Equal(["1", "2", "4", "6"], table.Records.Select(r => r.Id));
        Assert.Equal(["positive", "negative", "positive", "neutral"], table.Records.Select(r => r.Label));
        var fourth = table.Records.Single(r => r.Id == "4");
        Assert.Equal(("neutral", "positive"), (fourth.TextLabel, fourth.ImageLabel));
        Assert.Equal("Ma\u00f1ana is the big day http://t.co/dd44", fourth.Text);
        Assert.Contains(table.Warnings, w => w.StartsWith("1 post(s) dropped because the 3 annotators' labels tie") && w.EndsWith(": 3"));
        Assert.Contains(table.Warnings, w => w.StartsWith("1 post(s) dropped because text and image labels are opposite") && w.EndsWith(": 5"));
    }

    [Fact]
    public void SeededSplitFollowsTheFractionsAndRepeats()
    {
        var first = Read(SingleRoot, o => { o.TrainFraction = 0.6; o.ValidationFraction = 0.2; o.TestFraction = 0.2; o.Seed = 7; });
        var again = Read(SingleRoot, o => { o.TrainFraction = 0.6; o.ValidationFraction = 0.2; o.TestFraction = 0.2; o.Seed = 7; });

        Assert.Equal(new Dictionary<string, int> { ["test"] = 1, ["train"] = 3, ["validation"] = 1 }, first.Summary.PerSplit);
        Assert.Equal(first.Records.Select(r => r.Split), again.Records.Select(r => r.Split));
        Assert.Contains("random split train/validation/test 0.6/0.2/0.2, seed 7", first.Name);

        var byDefault = Read(SingleRoot);
        Assert.Equal(4, byDefault.Records.Count(r => r.Split == "train"));
        Assert.Contains("0.8/0.1/0.1, seed 1", byDefault.Name);
    }

    [Fact]
    public void FractionsThatDoNotAddUpAreRejected()
    {
        Assert.Throws<ArgumentException>(() => Read(SingleRoot, o => o.TrainFraction = 0.9));
    }

    [Theory]
    [InlineData("positive", "positive", "positive")]
    [InlineData("neutral", "neutral", "neutral")]
    [InlineData("neutral", "negative", "negative")]
    [InlineData("positive", "neutral", "positive")]
    [InlineData("positive", "negative", null)]
    [InlineData("negative", "positive", null)]
    public void JointLabelRule(string text, string image, string? expected) =>
        Assert.Equal(expected, MvsaLabelRules.Joint(text, image));

    [Theory]
    [InlineData("positive,positive,neutral", "positive")]
    [InlineData("negative,negative,negative", "negative")]
    [InlineData("positive,neutral,negative", null)]
    [InlineData("neutral", "neutral")]
    public void MajorityVote(string votes, string? expected) =>
        Assert.Equal(expected, MvsaLabelRules.MajorityVote(votes.Split(',')));

    [Fact]
    public void MalformedLabelLineNamesFileAndLine()
    {
        using var temp = new TempFolder();
        temp.Write("data/1.txt", "hello");
        string file = temp.Write("labelResultAll.txt", "ID\ttext,image\n1\tneutral,positive\n2\tpostive,neutral\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));

        Assert.Contains($"{file}, line 3:", error.Message);
        Assert.Contains("postive", error.Message);

        temp.Write("labelResultAll.txt", "ID,text,image\n1\tneutral,positive\n");
        Assert.Contains($"{file}, line 1:", Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Message);
    }

    [Fact]
    public void FolderWithoutLabelFileNamesFolderAndExpectedFiles()
    {
        string parent = FixturePaths.Of("mvsa");
        var error = Assert.Throws<DatasetRootException>(() => Read(parent));

        Assert.Equal(parent, error.Folder);
        Assert.Contains("labelResultAll.txt", error.Message);
        Assert.Contains("MVSA_Single", error.Message);
    }
}
