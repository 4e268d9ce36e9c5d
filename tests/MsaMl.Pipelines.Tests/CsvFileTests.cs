using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests;

public class CsvFileTests
{
    [Fact]
    public void QuotedFieldsHoldSeparatorsQuotesAndLineBreaks()
    {
        var rows = CsvFile.Parse("x.csv", "a,b,c\r\n1,\"x, \"\"y\"\"\",\"two\nlines\"\n\n2,,last\n");

        Assert.Equal([1, 2, 5], rows.Select(r => r.Line));
        Assert.Equal(["1", "x, \"y\"", "two\nlines"], rows[1].Fields);
        Assert.Equal(["2", "", "last"], rows[2].Fields);
    }

    [Fact]
    public void TextAfterAClosingQuoteIsAnError()
    {
        var error = Assert.Throws<DatasetFormatException>(() => CsvFile.Parse("x.csv", "a,b\n\"1\"2,3\n"));
        Assert.Equal(("x.csv", 2), (error.File, error.Line));
    }
}
