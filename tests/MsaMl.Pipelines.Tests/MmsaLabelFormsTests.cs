using Microsoft.ML;
using MsaMl.Datasets;
using MsaMl.Datasets.Video;

namespace MsaMl.Pipelines.Tests;

/// <summary>The label.csv forms real MOSI, MOSEI and CH-SIMS copies take (fixtures under tests/fixtures/mosi).</summary>
public class MmsaLabelFormsTests
{
    private static DatasetTable<MosiRecord> Read(string root, MmsaDataset dataset = MmsaDataset.Mosi, string? idPattern = null) =>
        MosiReader.Read(new MLContext(), new MosiOptions { RootFolder = root, Dataset = dataset, IdPattern = idPattern });

    [Fact]
    public void MosiIdFormSplitsAtTheLastUnderscore()
    {
        var table = Read(FixturePaths.Of("mosi", "MOSI-id"));

        Assert.Equal(15, table.Records.Count);
        Assert.Equal(("03bSnISJMiM", "1"), (table.Records[0].VideoId, table.Records[0].ClipId));
        Assert.Equal(("_dI--eQ6qVU", "10"), (table.Records[4].VideoId, table.Records[4].ClipId));
        Assert.Equal(("a_b-c", "3"), (table.Records[5].VideoId, table.Records[5].ClipId));
        Assert.Equal("a_b-c$_$3", table.Records[5].Id);
        Assert.Equal("GOOD, BUT A BIT \"LONG\"", table.Records[9].Text);
        Assert.Equal([10, 2, 3], new[] { "train", "validation", "test" }.Select(s => table.Records.Count(r => r.Split == s)));
        Assert.All(table.Records, r => Assert.True(float.IsNaN(r.TextSentiment)));
        Assert.All(table.Records, r => Assert.Equal("", r.AudioPath));
        Assert.StartsWith("no audio folder", Assert.Single(table.Warnings));
    }

    [Fact]
    public void IdPatternOverridesTheLastUnderscoreRule()
    {
        var table = Read(FixturePaths.Of("mosi", "MOSI-id"), idPattern: "(?<video>.+?)_(?<clip>.+)");

        Assert.Equal(("a", "b-c_3"), (table.Records[5].VideoId, table.Records[5].ClipId));
        var error = Assert.Throws<DatasetFormatException>(() => Read(FixturePaths.Of("mosi", "MOSI-id"), idPattern: "(?<video>[a-z0-9]+)_(?<clip>[0-9]+)"));
        Assert.Contains("label.csv, line 2: id '03bSnISJMiM_1' does not match MosiOptions.IdPattern", error.Message);
        Assert.Throws<ArgumentException>(() => Read(FixturePaths.Of("mosi", "MOSI-id"), idPattern: "(?<video>.+)_(.+)"));
    }

    [Fact]
    public void AnIdWithoutUnderscoreNamesFileAndLine()
    {
        using var temp = new TempFolder();
        string file = temp.Write("label.csv", "id,text,label,mode\nabc_1,fine,0.5,train\nnounderscore,bad,0.5,train\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));

        Assert.StartsWith($"{file}, line 3: id 'nounderscore' has no underscore", error.Message);
        Assert.Contains("IdPattern", error.Message);
    }

    [Fact]
    public void MoseiFormKeepsIdsAsWrittenAndMatchesRoundedFileNames()
    {
        string root = FixturePaths.Of("mosi", "MOSEI");
        var table = Read(root, MmsaDataset.Mosei);

        Assert.Equal("CMU-MOSEI", table.Name);
        Assert.Equal(14, table.Records.Count);
        var artefact = table.Records[1];
        Assert.Equal(("-lzEya4AM_4", "32_358999999999995"), (artefact.VideoId, artefact.ClipId));
        Assert.Equal("-lzEya4AM_4$_$32_358999999999995", artefact.Id);
        Assert.Equal(Path.Combine(root, "wav", "-lzEya4AM_4", "32_359.wav"), artefact.AudioPath);
        Assert.Equal(Path.Combine(root, "wav", "-lzEya4AM_4", "82_7645.wav"), table.Records[0].AudioPath);
        Assert.Equal([10 - 1, 2, 3], new[] { "train", "validation", "test" }.Select(s => table.Records.Count(r => r.Split == s)));
        Assert.DoesNotContain(table.Records, r => r.ClipId == "3");

        Assert.Contains($"1 row(s) of {Path.Combine(root, "label.csv")} without text, dropped: zz9-Q_xY1$_$3 (line 8)", table.Warnings);
        Assert.Contains("1 clip(s) whose wav was found only under a rounded clip id (float artefacts in label.csv): -lzEya4AM_4/32_358999999999995 -> 32_359.wav", table.Warnings);
        Assert.Contains(table.Warnings, w => w.StartsWith("11 clip(s) without a wav file", StringComparison.Ordinal));
    }

    [Fact]
    public void RowsWithoutTextAreAnErrorWhenDroppingIsOff()
    {
        var error = Assert.Throws<DatasetFormatException>(() => MosiReader.Read(new MLContext(),
            new MosiOptions { RootFolder = FixturePaths.Of("mosi", "MOSEI"), DropRowsWithoutText = false }));

        Assert.Contains("label.csv, line 8: the text of clip zz9-Q_xY1/3 is empty", error.Message);
    }

    [Theory]
    [InlineData("32_358999999999995", new[] { "32_359", "32_36", "32_4" })]
    [InlineData("32.358999999999995", new[] { "32.359", "32.36", "32.4" })]
    [InlineData("82_7645", new string[0])]
    [InlineData("7", new string[0])]
    [InlineData("a_b", new string[0])]
    public void RoundedFormsOnlyForFloatArtefacts(string clip, string[] expected)
    {
        Assert.Equal(expected, ClipMediaLookup.RoundedForms(clip));
    }

    [Fact]
    public void SimsFormReadsUnimodalLabelsOnTheUnitScale()
    {
        var table = Read(FixturePaths.Of("mosi", "SIMS"), MmsaDataset.Sims);

        Assert.Equal("CH-SIMS", table.Name);
        Assert.Equal(11, table.Records.Count);
        var first = table.Records[0];
        Assert.Equal("我非常喜欢这部电影", first.Text);
        Assert.Equal((1.0f, 1.0f, 0.6f, 0.8f), (first.Sentiment, first.TextSentiment, first.AudioSentiment, first.VisualSentiment));
        Assert.Equal("Positive", first.Annotation);
        Assert.Equal(["positive", "negative", "positive", "negative", "neutral", "positive"], table.Records.Take(6).Select(r => r.Label));
        Assert.Equal("negative", table.Records[9].Label);
        Assert.Equal([6, 2, 3], new[] { "train", "validation", "test" }.Select(s => table.Records.Count(r => r.Split == s)));
    }

    [Theory]
    [InlineData(MmsaDataset.Sims, "1.2", "label 1.2 is outside [-1, 1]")]
    [InlineData(MmsaDataset.Mosi, "3.5", "label 3.5 is outside [-3, 3]")]
    [InlineData(MmsaDataset.Mosi, "", "the label field is empty")]
    [InlineData(MmsaDataset.Mosi, "high", "label 'high' is not a number")]
    public void LabelsOutsideTheScaleNameFileAndLine(MmsaDataset dataset, string label, string problem)
    {
        using var temp = new TempFolder();
        string file = temp.Write("label.csv", $"video_id,clip_id,text,label,mode\nv,1,fine,0.5,train\nv,2,bad,{label},test\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path, dataset));

        Assert.Contains($"{file}, line 3: {problem}", error.Message);
    }

    [Fact]
    public void UnimodalLabelsOutsideTheScaleNameTheColumn()
    {
        using var temp = new TempFolder();
        string file = temp.Write("label.csv", "video_id,clip_id,text,label,label_T,label_A,label_V,annotation,mode\nv,1,好,0.5,0.4,-1.4,0.2,Positive,train\n");

        Assert.Contains($"{file}, line 2: label_A -1.4 is outside [-1, 1]", Assert.Throws<DatasetFormatException>(() => Read(temp.Path, MmsaDataset.Sims)).Message);
    }

    [Fact]
    public void AHeaderWithoutIdsSaysWhatIsExpected()
    {
        using var temp = new TempFolder();
        string file = temp.Write("label.csv", "clip,text,label,mode\n1,a,0.5,train\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(temp.Path));

        Assert.Contains($"{file}, line 1: the header has neither 'video_id' and 'clip_id' nor 'id'", error.Message);
    }

    [Theory]
    [InlineData("train", "train")]
    [InlineData("valid", "validation")]
    [InlineData("dev", "validation")]
    [InlineData("val", "validation")]
    [InlineData("test", "test")]
    public void SplitNamesMapToTheStandardOnes(string mode, string split)
    {
        using var temp = new TempFolder();
        temp.Write("label.csv", $"id,text,label,mode\nv_1,a,0.5,{mode}\n");

        Assert.Equal(split, Assert.Single(Read(temp.Path).Records).Split);
    }
}
