using System.Text;
using Microsoft.ML;
using MsaMl.Datasets;

namespace MsaMl.Pipelines.Tests.Table;

/// <summary>
/// Tables are read a record at a time (issue 18, part 2, item 2: a 500 MB CSV took 8.3 GB before featurizing
/// began, the file's bytes, its text and every field held at once), and a device is refused, not read without end.
/// </summary>
public sealed class TableStreamingTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>CSV text made as it is read and never held whole: a header, then rows until <paramref name="rows"/>, then an error.</summary>
    private sealed class EndlessCsv(int rows) : TextReader
    {
        private string _current = "text,label\n";
        private int _position, _row;

        public override int Peek() => Next(advance: false);
        public override int Read() => Next(advance: true);

        private int Next(bool advance)
        {
            if (_position == _current.Length)
            {
                if (++_row > rows) throw new InvalidOperationException($"read past row {rows}: the parser is not streaming");
                _current = $"row {_row} {new string('x', 100)},positive\n";
                _position = 0;
            }
            return advance ? _current[_position++] : _current[_position];
        }
    }

    [Fact]
    public void CsvRecordsAreYieldedAsTheyAreReadNotAfterTheWholeText()
    {
        var first = CsvFile.Parse("endless.csv", new EndlessCsv(rows: 3)).Take(3).ToList();

        Assert.Equal(["text", "label"], first[0].Fields);
        Assert.StartsWith("row 2 ", first[2].Fields[0]);
        Assert.Equal(3, first[2].Line);
    }

    [Fact]
    public void ATableOfManyRowsIsReadWithoutHoldingItsText()
    {
        var text = new StringBuilder("id,text,notes,label\n");
        string notes = new('n', 2000);   // read, then dropped: only the mapped fields are kept
        for (int i = 0; i < 5000; i++) text.Append(i).Append(",hello ").Append(i).Append(',').Append(notes).Append(",pos\n");
        string file = _temp.Write("wide.csv", text.ToString());
        long size = new FileInfo(file).Length;

        long before = GC.GetAllocatedBytesForCurrentThread();
        var table = TableReader.Read(new MLContext(), new TableReaderOptions { Path = file, Columns = TableColumnMap.Parse("id=id,text=text,label=label") });
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(5000, table.Records.Count);
        Assert.Equal("hello 4999", table.Records[^1].Text);
        // Reading the text whole took the file's bytes, its UTF-16 text (2x) and a copy of every field (2x) at least.
        Assert.True(allocated < 4 * size, $"allocated {allocated} bytes for a {size}-byte table");
    }

    [Fact]
    public void AnInvalidUtf8ByteFarIntoTheFileNamesItsLine()
    {
        var text = new StringBuilder("text,label\n");
        for (int i = 0; i < 3000; i++) text.Append("some words here and there,pos\n");   // 90 KB: past the first block
        var bytes = Encoding.UTF8.GetBytes(text.ToString()).Concat(new byte[] { 0xC3, 0x28, (byte)',', (byte)'p', (byte)'\n' }).ToArray();
        string file = Path.Combine(_temp.Path, "bad.csv");
        File.WriteAllBytes(file, bytes);

        var error = Assert.Throws<DatasetFormatException>(() =>
            TableReader.Read(new MLContext(), new TableReaderOptions { Path = file, Columns = TableColumnMap.Parse("text=text,label=label") }));
        Assert.Equal(3002, error.Line);
        Assert.Contains("not valid UTF-8", error.Message);
    }

    [Fact]
    public void DevZeroAsATableIsRefusedAsNotARegularFile()
    {
        if (!File.Exists("/dev/zero")) return;   // Unix only

        // The path is checked before it is opened (RegularFile); SizedFile would stop it too.
        var error = Assert.Throws<DatasetRootException>(() =>
            TableReader.Read(new MLContext(), new TableReaderOptions { Path = "/dev/zero", Format = TableFormat.Csv, Columns = TableColumnMap.Parse("text=a,label=b") }));
        Assert.StartsWith("/dev/zero", error.Message);
        Assert.Contains("character device, not a regular file", error.Message);
    }
}
