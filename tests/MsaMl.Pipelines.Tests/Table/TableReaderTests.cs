using System.Text;
using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests.Table;

public sealed class TableReaderTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private DatasetTable<TableRecord> Read(string file, string map, Action<TableReaderOptions>? configure = null)
    {
        var options = new TableReaderOptions { Path = file, Columns = TableColumnMap.Parse(map) };
        configure?.Invoke(options);
        return TableReader.Read(new MLContext(), options);
    }

    private string WriteBytes(string name, byte[] bytes)
    {
        string path = Path.Combine(_temp.Path, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public void CsvWithQuotesCommasLineBreaksCrlfAndBomReadsEveryField()
    {
        _temp.Write("img/a.png", "x");
        _temp.Write("img/b.png", "x");
        string csv = "Name,Text,Valence,Set\r\n" +
                     "img/a.png,\"Hello, \"\"world\"\"\",positive,train\r\n" +
                     "img/b.png,\"two\r\nlines\",negative,test\r\n";
        string file = WriteBytes("memes.csv", [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv)]);

        var table = Read(file, "image=Name,text=Text,label=Valence,split=Set");

        Assert.Equal(["Hello, \"world\"", "two\r\nlines"], table.Records.Select(r => r.Text));
        Assert.Equal(["positive", "negative"], table.Records.Select(r => r.Label));
        Assert.Equal(["train", "test"], table.Records.Select(r => r.Split));
        Assert.Equal([2, 3], table.Records.Select(r => r.Line));
        Assert.Equal(Path.Combine(_temp.Path, "img", "a.png"), table.Records[0].ImagePath);
        Assert.Equal(["2", "3"], table.Records.Select(r => r.Id));
        Assert.Empty(table.Warnings);
        Assert.Equal("memes.csv", table.Name);
    }

    [Fact]
    public void TsvAndJsonLinesGiveTheSameRecordsAsCsv()
    {
        _temp.Write("a.wav", "x");
        string csv = _temp.Write("t.csv", "id,transcript,wav,emotion,speaker,split\nu1,I am fine.,a.wav,neu,s1,train\nu2,,a.wav,ang,s2,val\n");
        string tsv = _temp.Write("t.tsv", "id\ttranscript\twav\temotion\tspeaker\tsplit\nu1\tI am fine.\ta.wav\tneu\ts1\ttrain\nu2\t\ta.wav\tang\ts2\tval\n");
        string jsonl = _temp.Write("t.jsonl",
            "{\"id\": \"u1\", \"transcript\": \"I am fine.\", \"wav\": \"a.wav\", \"emotion\": \"neu\", \"speaker\": \"s1\", \"split\": \"train\"}\r\n" +
            "\r\n" +
            "{\"id\": \"u2\", \"transcript\": null, \"wav\": \"a.wav\", \"emotion\": \"ang\", \"speaker\": \"s2\", \"split\": \"val\", \"extra\": [1, 2]}\n");
        const string map = "id=id,text=transcript,audio=wav,label=emotion,group=speaker,split=split";

        var expected = Read(csv, map).Records.Select(r => (r.Id, r.Text, r.AudioPath, r.Label, r.Group, r.Split)).ToList();
        Assert.Equal(("u2", "", Path.Combine(_temp.Path, "a.wav"), "ang", "s2", "validation"), expected[1]);
        Assert.Equal(expected, Read(tsv, map).Records.Select(r => (r.Id, r.Text, r.AudioPath, r.Label, r.Group, r.Split)));
        var fromJson = Read(jsonl, map);
        Assert.Equal(expected, fromJson.Records.Select(r => (r.Id, r.Text, r.AudioPath, r.Label, r.Group, r.Split)));
        Assert.Equal([1, 3], fromJson.Records.Select(r => r.Line));
    }

    [Fact]
    public void FormatIsSniffedFromContentWhenTheExtensionSaysNothing()
    {
        string tabbed = _temp.Write("data.txt", "text\tlabel\nnice\tpos\nugly\tneg\n");
        string json = _temp.Write("data.dat", "{\"text\": \"nice\", \"label\": 1}\n");

        Assert.Equal(["nice", "ugly"], Read(tabbed, "text=text,label=label").Records.Select(r => r.Text));
        Assert.Equal("1", Read(json, "text=text,label=label").Records.Single().Label);
    }

    [Fact]
    public void AJsonLineThatIsNotAnObjectNamesFileAndLine()
    {
        string file = _temp.Write("bad.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": \n");
        var error = Assert.Throws<DatasetFormatException>(() => Read(file, "text=text,label=label"));
        Assert.Equal(file, error.File);
        Assert.Equal(2, error.Line);

        string array = _temp.Write("array.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n[1, 2]\n");
        Assert.Contains("expected a JSON object", Assert.Throws<DatasetFormatException>(() => Read(array, "text=text,label=label")).Message);
    }

    [Fact]
    public void OtherEncodingsAreReadByNameAndInvalidUtf8IsAnErrorWithTheLine()
    {
        // "café" and "naïve" in Windows-1252: é = 0xE9, ï = 0xEF.
        byte[] bytes = [.. "text,label\nok,a\ncaf"u8, 0xE9, .. ",b\nna"u8, 0xEF, .. "ve,c\n"u8];
        string file = WriteBytes("latin.csv", bytes);

        var error = Assert.Throws<DatasetFormatException>(() => Read(file, "text=text,label=label"));
        Assert.Equal(3, error.Line);
        Assert.Contains("windows-1252", error.Message);

        var table = Read(file, "text=text,label=label", o => o.Encoding = "windows-1252");
        Assert.Equal(["ok", "café", "naïve"], table.Records.Select(r => r.Text));

        string utf16 = WriteBytes("utf16.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("text,label\nüber,a\n")]);
        Assert.Equal("über", Read(utf16, "text=text,label=label").Records.Single().Text);

        Assert.Contains("unknown text encoding", Assert.Throws<ArgumentException>(() => Read(file, "text=text,label=label", o => o.Encoding = "klingon-8")).Message);
    }

    [Fact]
    public void AMappedColumnThatDoesNotExistListsTheColumnsFound()
    {
        string file = _temp.Write("memes.csv", "Name,Text,Valence\na.png,hi,1\n");

        var error = Assert.Throws<DatasetFormatException>(() => Read(file, "image=Name,text=Text,label=Valance"));

        Assert.Equal(file, error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains("'Valance' (for label)", error.Message);
        Assert.Contains("columns found: 'Name', 'Text', 'Valence'", error.Message);

        var noLabel = Assert.Throws<DatasetFormatException>(() => Read(file, "text=Text"));
        Assert.Contains("no label column is mapped", noLabel.Message);
        Assert.Contains("'Valence'", noLabel.Message);
        Assert.Contains("none of text, audio, image or video", Assert.Throws<DatasetFormatException>(() => Read(file, "label=Valence")).Message);
    }

    [Fact]
    public void ColumnNamesMatchIgnoringCaseWhenNoneMatchesExactly()
    {
        string file = _temp.Write("memes.csv", "NAME,text,valence\na.png,hi,1\n");
        Assert.Equal("hi", Read(file, "text=Text,label=Valence").Records.Single().Text);
    }

    [Fact]
    public void PathsAreResolvedAgainstTheTablesFolderOrTheBaseFolder()
    {
        _temp.Write("tables/pics/a.png", "x");
        _temp.Write("media/pics/a.png", "x");
        string absolute = _temp.Write("elsewhere/c.png", "x");
        string file = _temp.Write("tables/t.csv", $"img,text,label\npics/a.png,a,x\npics\\a.png,b,x\n{absolute},c,y\n");

        var local = Read(file, "image=img,text=text,label=label");
        Assert.Equal(Path.Combine(_temp.Path, "tables", "pics", "a.png"), local.Records[0].ImagePath);
        Assert.Equal(local.Records[0].ImagePath, local.Records[1].ImagePath);
        Assert.Equal(absolute, local.Records[2].ImagePath);

        var based = Read(file, "image=img,text=text,label=label", o => o.BaseFolder = Path.Combine(_temp.Path, "media"));
        Assert.Equal(Path.Combine(_temp.Path, "media", "pics", "a.png"), based.Records[0].ImagePath);

        Assert.Throws<DatasetRootException>(() => Read(file, "image=img,text=text,label=label", o => o.BaseFolder = Path.Combine(_temp.Path, "nope")));
    }

    [Fact]
    public void RowsWithAMissingFileAreKeptWithoutThatModalityOrDroppedAndCounted()
    {
        _temp.Write("a.png", "x");
        string file = _temp.Write("t.csv", "img,text,label\na.png,one,x\ngone.png,two,y\nalso-gone.png,three,x\n,four,y\n");
        const string map = "image=img,text=text,label=label";

        var kept = Read(file, map);
        Assert.Equal(4, kept.Records.Count);
        Assert.Equal(["a.png", "", "", ""], kept.Records.Select(r => Path.GetFileName(r.ImagePath)));
        string warning = Assert.Single(kept.Warnings, w => w.Contains("image file"));
        Assert.StartsWith("2 row(s) whose image file does not exist", warning);
        Assert.Contains("line 3 (gone.png)", warning);
        Assert.Contains("kept without an image", warning);

        var dropped = Read(file, map, o => o.MissingFiles = MissingFilePolicy.DropRow);
        Assert.Equal(["one", "four"], dropped.Records.Select(r => r.Text));
        Assert.StartsWith("2 row(s) dropped because the image file does not exist", Assert.Single(dropped.Warnings, w => w.Contains("image file")));
    }

    [Fact]
    public void AVideoColumnGivesVideoPathAndAMissingVideoIsCounted()
    {
        string clip = _temp.Write("clips/a.mp4", "x");
        string file = _temp.Write("t.csv", "clip,label\nclips/a.mp4,x\nclips/gone.mp4,y\n");

        var table = Read(file, "video=clip,label=label");

        Assert.Equal([clip, ""], table.Records.Select(r => r.VideoPath));
        Assert.StartsWith("1 row(s) whose video file does not exist", Assert.Single(table.Warnings, w => w.Contains("video file")));
    }

    [Fact]
    public void WithoutASplitColumnNoGroupLandsInTwoSplits()
    {
        var csv = new StringBuilder("speaker,text,label\n");
        for (int i = 0; i < 120; i++) csv.Append($"s{i / 4},utterance {i},{(i % 3 == 0 ? "pos" : "neg")}\n");
        string file = _temp.Write("t.csv", csv.ToString());

        var table = Read(file, "group=speaker,text=text,label=label", o => o.Split = new GroupStratifiedSplitOptions { Seed = 4 });

        Assert.All(table.Records.GroupBy(r => r.Group), g => Assert.Single(g.Select(r => r.Split).Distinct()));
        Assert.Equal(["test", "train", "validation"], table.Summary.PerSplit.Keys);
        Assert.InRange(table.Summary.PerSplit["train"], 88, 104);
        Assert.Contains("no split column", table.Name);
        Assert.Contains("grouped by column 'speaker'", table.Name);
        Assert.Contains("30 groups", table.Summary.ToString());
        var again = Read(file, "group=speaker,text=text,label=label", o => o.Split = new GroupStratifiedSplitOptions { Seed = 4 });
        Assert.Equal(table.Records.Select(r => r.Split), again.Records.Select(r => r.Split));
    }

    [Fact]
    public void WithoutAGroupColumnRowsNamingTheSameImageStayTogether()
    {
        var csv = new StringBuilder("img,caption,label\n");
        for (int i = 0; i < 60; i++)
        {
            _temp.Write($"im{i / 3}.png", "x");
            csv.Append($"im{i / 3}.png,caption {i},{(i % 2 == 0 ? "positive" : "negative")}\n");
        }
        string file = _temp.Write("t.csv", csv.ToString());

        var table = Read(file, "image=img,text=caption,label=label");

        Assert.All(table.Records.GroupBy(r => r.ImagePath), g => Assert.Single(g.Select(r => r.Split).Distinct()));
        Assert.Contains("rows with the same file kept together, 20 groups", table.Name);
    }

    [Fact]
    public void TooFewGroupsForTheFractionsIsAWarning()
    {
        string file = _temp.Write("t.csv", "who,text,label\na,x,1\na,y,2\nb,z,1\n");
        var table = Read(file, "group=who,text=text,label=label");
        Assert.Contains(table.Warnings, w => w.Contains("empty") && w.Contains("2 group(s)"));
    }

    [Fact]
    public void NumericLabelsAreParsedAndStratifiedByRange()
    {
        var csv = new StringBuilder("text,score\n");
        for (int i = 0; i < 100; i++) csv.Append($"clip {i},{(i / 10.0 - 5).ToString(System.Globalization.CultureInfo.InvariantCulture)}\n");
        string file = _temp.Write("t.csv", csv.ToString());

        var table = Read(file, "text=text,label=score", o => o.LabelKind = TableLabelKind.Number);

        Assert.Equal(-5f, table.Records[0].Value);
        Assert.Equal("-4.9", table.Records[1].Label);
        var test = table.Records.Where(r => r.Split == "test").ToList();
        Assert.Equal(10, test.Count);
        Assert.Equal(5, test.Select(r => (int)((r.Value + 5) / 2)).Distinct().Count());

        string bad = _temp.Write("bad.csv", "text,score\na,1.5\nb,high\n");
        var error = Assert.Throws<DatasetFormatException>(() => Read(bad, "text=text,label=score", o => o.LabelKind = TableLabelKind.Number));
        Assert.Equal(3, error.Line);
        Assert.Contains("'high'", error.Message);
        Assert.True(float.IsNaN(Read(bad, "text=text,label=score").Records[0].Value));
    }

    [Fact]
    public void BadRowsNameFileLineAndWhatWasExpected()
    {
        string width = _temp.Write("width.csv", "text,label\n\"a, b\",x\nc,d,e\n");
        var error = Assert.Throws<DatasetFormatException>(() => Read(width, "text=text,label=label"));
        Assert.Equal((width, 3), (error.File, error.Line));
        Assert.Contains("expected 2 comma-separated fields", error.Message);

        string split = _temp.Write("split.csv", "text,label,part\na,x,train\nb,y,holdout\n");
        var badSplit = Assert.Throws<DatasetFormatException>(() => Read(split, "text=text,label=label,split=part"));
        Assert.Equal(3, badSplit.Line);
        Assert.Contains("'holdout'", badSplit.Message);

        string label = _temp.Write("label.csv", "text,label\na,x\nb,\n");
        var emptyLabel = Assert.Throws<DatasetFormatException>(() => Read(label, "text=text,label=label"));
        Assert.Equal(3, emptyLabel.Line);
        Assert.Contains("label (column 'label') is empty", emptyLabel.Message);

        string quote = _temp.Write("quote.csv", "text,label\n\"never closed,x\n");
        Assert.Equal(2, Assert.Throws<DatasetFormatException>(() => Read(quote, "text=text,label=label")).Line);
    }

    [Fact]
    public void DuplicateIdsAreCounted()
    {
        string file = _temp.Write("t.csv", "id,text,label\na,x,1\nb,y,1\na,z,2\n");
        Assert.Contains("1 row(s) repeat an id seen before: a (line 4)", Read(file, "id=id,text=text,label=label").Warnings);
    }

    [Theory]
    [InlineData("text,label,text\nhello,pos,bye\n", "the table has 2 columns named 'text' (column 1) and 'text' (column 3), so 'text' (for text) is ambiguous")]
    [InlineData("Text,label,TEXT\nhello,pos,bye\n", "'Text' (column 1) and 'TEXT' (column 3), so 'text' (for text) is ambiguous")]
    public void AMappedColumnNameTheHeaderHasTwiceIsAnErrorNamingItAndTheFile(string csv, string expected)
    {
        // Before: the first of the two silently won.
        string file = _temp.Write("dup.csv", csv);
        var error = Assert.Throws<DatasetFormatException>(() => Read(file, "text=text,label=label"));
        Assert.Equal(file, error.File);
        Assert.Equal(1, error.Line);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void AnExactNameIsNotAmbiguousBesideOneThatDiffersInCase()
    {
        string file = _temp.Write("case.csv", "text,Label,label\nhello,pos,neg\n");
        Assert.Equal("neg", Assert.Single(Read(file, "text=text,label=label").Records).Label);
    }

    [Fact]
    public void ADuplicatedColumnNoKeyMapsIsStillRead()
    {
        string file = _temp.Write("dup.csv", "note,text,note,label\na,hello,b,pos\n");
        Assert.Equal("hello", Assert.Single(Read(file, "text=text,label=label").Records).Text);
    }

    [Theory]
    [InlineData("text=Valence,label=Valence", "column 'Valence' is mapped to both text and label")]
    [InlineData("text=Text,label=Valence,split=valence", "column 'Valence' is mapped to both label and split")]
    [InlineData("text=Text,image=Text,label=Valence", "column 'Text' is mapped to both text and image")]
    public void OneColumnMappedToTwoKeysIsAnError(string map, string expected)
    {
        // Before: text=Valence,label=Valence was accepted and any model scored 100 %.
        string file = _temp.Write("t.csv", "Text,Valence\nhello,positive\nbye,negative\n");
        var error = Assert.Throws<DatasetFormatException>(() => Read(file, map));
        Assert.Contains(expected, error.Message);
        Assert.Contains("t.csv", error.Message);
    }

    [Fact]
    public void IdAndGroupMayNameAColumnAnotherKeyReads()
    {
        string file = _temp.Write("t.csv", "Text,Valence\nhello,positive\nbye,negative\n");
        var table = Read(file, "id=Text,group=Text,text=Text,label=Valence");
        Assert.Equal(["hello", "bye"], table.Records.Select(r => r.Id));
    }

    [Fact]
    public void AMissingTableNamesThePath()
    {
        string path = Path.Combine(_temp.Path, "none.csv");
        Assert.Equal(path, Assert.Throws<DatasetRootException>(() => Read(path, "text=t,label=l")).Folder);
        Assert.Contains("this is a folder", Assert.Throws<DatasetRootException>(() => Read(_temp.Path, "text=t,label=l")).Message);
    }

    [Theory]
    [InlineData("text=Text,image=Name,label=Valence", "text=Text,image=Name,label=Valence")]
    [InlineData(" LABEL = My Label , Text=t ,", "text=t,label=My Label")]
    [InlineData("id=a,text=b,audio=c,image=d,label=e,split=f,group=g", "id=a,text=b,audio=c,image=d,label=e,split=f,group=g")]
    public void MapsParseAndPrint(string map, string printed) => Assert.Equal(printed, TableColumnMap.Parse(map).ToString());

    [Theory]
    [InlineData("text", "not key=Column")]
    [InlineData("caption=Text,label=x", "'caption' is unknown")]
    [InlineData("text=a,text=b,label=x", "given twice")]
    [InlineData("text=,label=x", "not key=Column")]
    public void BadMapsAreRefused(string map, string expected) =>
        Assert.Contains(expected, Assert.Throws<ArgumentException>(() => TableColumnMap.Parse(map)).Message);
}
