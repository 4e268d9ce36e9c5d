using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Images;

namespace MsaMl.Pipelines.Tests;

public class SenticapReaderTests
{
    private static readonly string JsonFolder = FixturePaths.Of("senticap");
    private static readonly string KaggleFolder = FixturePaths.Of("senticap-kaggle");

    private static DatasetTable<SenticapRecord> Read(string annotationPath, string? imageFolder = null) =>
        SenticapReader.Read(new MLContext(), new SenticapOptions { AnnotationPath = annotationPath, ImageFolder = imageFolder });

    [Fact]
    public void JsonGivesOneRowPerCaptionWithLabelAndSplit()
    {
        var table = Read(Path.Combine(JsonFolder, "senticap_dataset.json"), Path.Combine(JsonFolder, "val2014"));

        Assert.Equal(
            ["COCO_val2014_000000000192#0", "COCO_val2014_000000000192#1", "COCO_val2014_000000000294#0",
             "COCO_val2014_000000000328#0", "COCO_val2014_000000000328#1", "COCO_val2014_000000000338#0"],
            table.Records.Select(r => r.Id));
        Assert.Equal(["positive", "negative", "positive", "negative", "positive", "negative"], table.Records.Select(r => r.Label));
        Assert.Equal(["train", "train", "validation", "test", "test", "train"], table.Records.Select(r => r.Split));
        Assert.Equal(new Dictionary<string, int> { ["negative"] = 3, ["positive"] = 3 }, table.Summary.PerLabel);

        var second = table.Records[1];
        Assert.Equal("A dirty dog sitting in an ugly, muddy park.", second.Text);
        Assert.Equal("a dirty dog sitting in an ugly muddy park", second.Tokens);
        Assert.Equal("COCO_val2014_000000000192.jpg", second.ImageFile);
        Assert.Equal(1, second.CaptionIndex);
        Assert.Equal(Path.Combine(JsonFolder, "val2014", "COCO_val2014_000000000192.jpg"), second.ImagePath);
        Assert.True(File.Exists(second.ImagePath));
        Assert.Equal("", second.AudioPath);
    }

    [Fact]
    public void CaptionsWhoseImageIsMissingAreKeptAndReported()
    {
        var table = Read(JsonFolder);

        Assert.Equal("", table.Records.Single(r => r.ImageFile == "COCO_val2014_000000000338.jpg").ImagePath);
        Assert.Equal(5, table.Records.Count(r => r.ImagePath != ""));
        string warning = Assert.Single(table.Warnings);
        Assert.StartsWith("1 image(s) not found in " + Path.Combine(JsonFolder, "val2014"), warning);
        Assert.EndsWith("COCO_val2014_000000000338.jpg", warning);
    }

    [Fact]
    public void FolderPathFindsTheJsonAndTheVal2014FolderNextToIt()
    {
        var fromFolder = Read(JsonFolder);
        var fromFile = Read(Path.Combine(JsonFolder, "senticap_dataset.json"), Path.Combine(JsonFolder, "val2014"));

        Assert.Equal(fromFile.Records.Select(r => (r.Id, r.ImagePath, r.Label, r.Split)), fromFolder.Records.Select(r => (r.Id, r.ImagePath, r.Label, r.Split)));
    }

    [Fact]
    public void KaggleCsvGivesTheSameColumns()
    {
        var table = Read(KaggleFolder);

        Assert.Equal(4, table.Records.Count);
        Assert.Equal(["positive", "negative", "positive", "negative"], table.Records.Select(r => r.Label));
        Assert.Equal(["train", "train", "validation", "test"], table.Records.Select(r => r.Split));
        Assert.Equal(["COCO_val2014_000000000192#0", "COCO_val2014_000000000192#1", "COCO_val2014_000000000294#0", "COCO_val2014_000000000328#0"],
            table.Records.Select(r => r.Id));
        Assert.Equal("A dirty dog sitting in an ugly, muddy park.", table.Records[1].Text);
        Assert.Equal("a dirty dog sitting in an ugly muddy park", table.Records[1].Tokens);
        Assert.Equal(Path.Combine(KaggleFolder, "Images", "COCO_val2014_000000000294.jpg"), table.Records[2].ImagePath);
        Assert.Equal("", table.Records[3].ImagePath);
        Assert.Contains("COCO_val2014_000000000328.jpg", Assert.Single(table.Warnings));
    }

    [Fact]
    public void BadSentimentInJsonNamesFileAndLine()
    {
        using var temp = new TempFolder();
        temp.Write("val2014/.keep", "");
        string file = temp.Write("senticap_dataset.json",
            "{\"images\": [\n" +
            " {\"filename\": \"a.jpg\", \"split\": \"train\", \"sentences\": [\n" +
            "  {\"raw\": \"A nice dog.\", \"tokens\": [\"a\", \"nice\", \"dog\"], \"sentiment\": 1},\n" +
            "  {\"raw\": \"A bad dog.\", \"tokens\": [\"a\", \"bad\", \"dog\"], \"sentiment\": 2}]}\n" +
            "]}\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));

        Assert.Equal(file, error.File);
        Assert.Equal(4, error.Line);
        Assert.Contains($"{file}, line 4:", error.Message);
        Assert.Contains("sentiment", error.Message);
    }

    [Fact]
    public void InvalidJsonAndMissingFieldsNameFileAndLine()
    {
        using var temp = new TempFolder();
        temp.Write("val2014/.keep", "");
        temp.Write("senticap_dataset.json",
            "{\"images\": [\n {\"filename\": \"a.jpg\", \"split\": \"train\",\n  \"sentences\": [}\n]}\n");
        Assert.Equal(3, Assert.Throws<DatasetFormatException>(() => Read(temp.Path)).Line);

        temp.Write("senticap_dataset.json",
            "{\"images\": [\n {\"filename\": \"a.jpg\", \"split\": \"holdout\", \"sentences\": []}\n]}\n");
        var badSplit = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));
        Assert.Equal(2, badSplit.Line);
        Assert.Contains("holdout", badSplit.Message);

        temp.Write("senticap_dataset.json",
            "{\"images\": [\n {\"split\": \"train\",\n  \"sentences\": []}\n]}\n");
        var missing = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));
        Assert.Equal(3, missing.Line);
        Assert.Contains("filename", missing.Message);
    }

    [Fact]
    public void BadRowInKaggleCsvNamesFileAndLine()
    {
        using var temp = new TempFolder();
        temp.Write("Images/.keep", "");
        string file = temp.Write("senticap.csv",
            "filename,split,tokens,raw,sentiment\n" +
            "a.jpg,train,\"['a', 'dog']\",A dog.,1\n" +
            "b.jpg,train,\"['a', 'cat']\",A cat.,positive-ish\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));

        Assert.Contains($"{file}, line 3:", error.Message);
    }

    [Fact]
    public void FolderWithoutAnnotationsNamesFolderAndExpectedFiles()
    {
        using var temp = new TempFolder();
        var error = Assert.Throws<DatasetRootException>(() => Read(temp.Path));

        Assert.Equal(temp.Path, error.Folder);
        Assert.Contains("senticap_dataset.json", error.Message);
        Assert.Contains("senticap.csv", error.Message);

        temp.Write("senticap_dataset.json", "{\"images\": []}");
        var badFolder = Assert.Throws<DatasetRootException>(() => Read(temp.Path, Path.Combine(temp.Path, "val2014")));
        Assert.Equal(Path.Combine(temp.Path, "val2014"), badFolder.Folder);
    }

    [Fact]
    public void JsonWithoutAnImageFolderReadsAsTextOnlyWithAWarning()
    {
        var table = Read(FixturePaths.Of("senticap-json-no-images"));

        Assert.Equal(6, table.Records.Count);
        Assert.All(table.Records, r => Assert.Equal("", r.ImagePath));
        Assert.Equal(["train", "train", "validation", "test", "test", "train"], table.Records.Select(r => r.Split));
        Assert.Equal("A dirty dog sitting in an ugly, muddy park.", table.Records[1].Text);
        string warning = Assert.Single(table.Warnings);
        Assert.Contains("no image folder", warning);
        Assert.Contains("text only", warning);
        Assert.Contains("SenticapOptions.ImageFolder", warning);
        Assert.Equal("SentiCap", table.Name);
    }

    [Fact]
    public void OfficialCsvIsSplitByImageAndSaysSo()
    {
        var table = Read(FixturePaths.Of("senticap-official-csv"));

        Assert.Equal(21, table.Records.Count);
        Assert.Equal(11, table.Records.Count(r => r.Label == "positive"));
        Assert.Equal("COCO_val2014_000000000192#1", table.Records[1].Id);
        Assert.Equal("negative", table.Records[1].Label);
        Assert.Equal("A dirty dog sitting in an ugly, muddy park.", table.Records[1].Text);
        Assert.Equal("A crowded beach with \"murky\" water.", table.Records.Single(r => r.Id == "COCO_val2014_000000000711#1").Text);
        Assert.All(table.Records.GroupBy(r => r.ImageFile), image => Assert.Single(image.Select(r => r.Split).Distinct()));
        Assert.Equal(["test", "train", "validation"], table.Summary.PerSplit.Keys);
        Assert.Contains("split by image", table.Summary.ToString());
        Assert.Contains("10 images", table.Name);
        Assert.Contains("text only", Assert.Single(table.Warnings));

        var other = SenticapReader.Read(new MLContext(), new SenticapOptions
        {
            AnnotationPath = FixturePaths.Of("senticap-official-csv"),
            Split = new GroupStratifiedSplitOptions { Seed = 9 },
        });
        Assert.Equal(table.Records.Select(r => r.Split), Read(FixturePaths.Of("senticap-official-csv")).Records.Select(r => r.Split));
        Assert.All(other.Records.GroupBy(r => r.ImageFile), image => Assert.Single(image.Select(r => r.Split).Distinct()));
    }

    [Fact]
    public void OfficialCsvFindsImagesInTheFolderGiven()
    {
        var table = Read(Path.Combine(FixturePaths.Of("senticap-official-csv"), "senticap_dataset.csv"), Path.Combine(JsonFolder, "val2014"));

        Assert.Equal(Path.Combine(JsonFolder, "val2014", "COCO_val2014_000000000294.jpg"), table.Records[2].ImagePath);
        Assert.Equal(7, table.Records.Count(r => r.ImagePath != ""));
        Assert.StartsWith("7 image(s) not found", Assert.Single(table.Warnings));
    }

    [Fact]
    public void BadSentimentInOfficialCsvNamesFileAndLine()
    {
        using var temp = new TempFolder();
        string file = temp.Write("senticap_dataset.csv", "filename,is_positive_sentiment,caption\na.jpg,1,A dog.\na.jpg,maybe,A cat.\n");
        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));
        Assert.Equal((file, 3), (error.File, error.Line));
        Assert.Contains("is_positive_sentiment must be 1 (positive) or 0 (negative), not 'maybe'", error.Message);
    }
}
