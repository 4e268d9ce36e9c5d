using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using MsaMl.Transforms.Core;

namespace MsaMl.Transforms.Tests;

public sealed class FeatureFileTests
{
    private const int RowFloats = 16_384;

    private sealed class WideRow
    {
        [VectorType(RowFloats)] public float[] Features { get; set; } = Array.Empty<float>();
        public string Name { get; set; } = "";
    }

    private static IDataView Rows(MLContext ml, int count) => ml.Data.LoadFromEnumerable(Enumerable.Range(0, count).Select(r => new WideRow
    {
        Features = Enumerable.Range(0, RowFloats).Select(i => (float)Math.Sin(r * 0.37 + i * 0.011)).ToArray(),
        Name = $"row {r}",
    }).ToList());

    [Fact]
    public void WritesTheSameRowsAsSaveAsBinaryInBlocksOfAFewMegabytes()
    {
        Assert.True(FeatureFile.WritesSmallBlocks, "ML.NET's BinarySaver options were not found by reflection (ML.NET changed?)");
        var ml = new MLContext(seed: 1);
        var data = Rows(ml, 300);
        string dir = Directory.CreateTempSubdirectory("msaml-featurefile-").FullName;
        try
        {
            string ours = Path.Combine(dir, "ours.idv"), theirs = Path.Combine(dir, "theirs.idv");
            using (var stream = File.Create(ours)) FeatureFile.Save(ml, data, stream);
            using (var stream = File.Create(theirs)) ml.Data.SaveAsBinary(data, stream, keepHidden: false);

            var read = ml.Data.LoadFromBinary(ours);
            Assert.Equal(300, read.GetRowCount());
            Assert.Equal(Columns.Read(ml.Data.LoadFromBinary(theirs), "Features"), Columns.Read(read, "Features"));
            Assert.Equal(data.GetColumn<string>("Name"), read.GetColumn<string>("Name"));

            int ourRows = IdvRowsPerBlock(ours, "Features"), theirRows = IdvRowsPerBlock(theirs, "Features");
            // 64 KB rows: ML.NET's default 80 MB blocks hold all 300 rows; ours hold about 4 MB.
            Assert.Equal(300, theirRows);
            Assert.InRange(ourRows, 1, (int)(FeatureFile.BlockBytes / (RowFloats * sizeof(float))));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FeatureFileViewReadsEveryPassThroughTheOneHandleItOpenedAndClosesItWhenDisposed()
    {
        var ml = new MLContext(seed: 1);
        var data = Rows(ml, 40);
        string dir = Directory.CreateTempSubdirectory("msaml-featurefile-").FullName;
        try
        {
            string path = Path.Combine(dir, "rows.idv");
            using (var stream = File.Create(path)) FeatureFile.Save(ml, data, stream);
            int OpenHandles() => Directory.GetFiles("/proc/self/fd").Count(fd => new FileInfo(fd).LinkTarget == path);
            int before = OpenHandles();
            var view = new FeatureFileView(ml, path);
            Assert.Equal(40, view.GetRowCount());
            var reference = ml.Data.LoadFromBinary(path);
            var expected = Columns.Read(reference, "Features");
            (reference as IDisposable)?.Dispose();
            Assert.Equal(expected, Columns.Read(view, "Features"));

            // A loader per cursor, all reading through the view's one handle: 30 passes open nothing more.
            for (int i = 0; i < 30; i++)
            {
                using var cursor = view.GetRowCursor(view.Schema);
                Assert.Same(view.Schema, cursor.Schema);
                Assert.True(cursor.MoveNext());
                Assert.Equal(1, OpenHandles() - before);
            }
            // ML.NET transforms run over it as over any view.
            var names = ml.Transforms.Conversion.MapValueToKey("Key", "Name").Fit(view).Transform(view).GetColumn<uint>("Key").ToArray();
            Assert.Equal(Enumerable.Range(1, 40).Select(i => (uint)i), names);
            view.Dispose();
            Assert.Equal(before, OpenHandles());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void AFeatureFileDeletedBetweenPassesIsStillReadByItsView()
    {
        var ml = new MLContext(seed: 1);
        string dir = Directory.CreateTempSubdirectory("msaml-featurefile-").FullName;
        try
        {
            string path = Path.Combine(dir, "rows.idv");
            using (var stream = File.Create(path)) FeatureFile.Save(ml, Rows(ml, 40), stream);
            using var view = new FeatureFileView(ml, path);
            var first = Columns.Read(view, "Features");

            // As a temp cleaner (or a user) removing the cache folder under a running job does.
            Directory.Delete(dir, recursive: true);
            Assert.False(File.Exists(path));

            Assert.Equal(first, Columns.Read(view, "Features"));
            Assert.Equal(Enumerable.Range(0, 40).Select(r => $"row {r}"), view.GetColumn<string>("Name"));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>Rows per block of <paramref name="column"/>, read from the .idv table of contents (ML.NET's documented binary layout).</summary>
    private static int IdvRowsPerBlock(string path, string column)
    {
        using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
        reader.BaseStream.Seek(24, SeekOrigin.Begin);
        long tocOffset = reader.ReadInt64();
        reader.BaseStream.Seek(48, SeekOrigin.Begin);
        int columns = reader.ReadInt32();
        reader.BaseStream.Seek(tocOffset, SeekOrigin.Begin);
        for (int c = 0; c < columns; c++)
        {
            string name = reader.ReadString();
            reader.ReadString(); // codec name
            reader.BaseStream.Seek((long)Leb128(reader), SeekOrigin.Current); // codec parameters
            reader.ReadByte(); // compression
            int rowsPerBlock = checked((int)Leb128(reader));
            reader.ReadInt64(); // block lookup offset
            reader.ReadInt64(); // metadata offset
            if (name == column) return rowsPerBlock;
        }
        throw new InvalidDataException($"{path}: no column '{column}'");
    }

    private static ulong Leb128(BinaryReader reader)
    {
        ulong value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (ulong)(b & 0x7f) << shift;
            if ((b & 0x80) == 0) return value;
        }
    }
}
