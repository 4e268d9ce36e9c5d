using Microsoft.ML;
using Microsoft.ML.Data;

namespace MsaMl.Transforms.Core;

/// <summary>
/// An .idv file read through a fresh ML.NET binary loader for every cursor, closed with the
/// cursor. ML.NET's loader keeps the buffers of the blocks it decoded for as long as it lives, so
/// a view kept for a whole experiment (the test split, read once at the end) would hold them from
/// the first pass on; here they go with each pass. The schema comes from one loader that is never
/// read from. Every loader reads through the one handle the view opened (<see cref="SharedFileSource"/>),
/// so a pass still reads the file after it was deleted under the running job; disposing the view closes it.
/// </summary>
public sealed class FeatureFileView : IDataView, IDisposable
{
    private readonly MLContext _context;
    private readonly SharedFileSource _file;
    private readonly IDataView _schemaSource;

    public FeatureFileView(MLContext context, string path)
    {
        _context = context;
        Path = path;
        _file = new SharedFileSource(path);
        try
        {
            _schemaSource = context.Data.LoadFromBinary(_file);
        }
        catch
        {
            _file.Dispose();
            throw;
        }
        RowCount = _schemaSource.GetRowCount();
    }

    /// <summary>The .idv file.</summary>
    public string Path { get; }

    private long? RowCount { get; }

    public bool CanShuffle => false;

    public DataViewSchema Schema => _schemaSource.Schema;

    public long? GetRowCount() => RowCount;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var loader = _context.Data.LoadFromBinary(_file);
        try
        {
            var inner = loader.GetRowCursor(columnsNeeded.Select(c => loader.Schema[c.Index]));
            return new OwningCursor(inner, loader as IDisposable, Schema);
        }
        catch
        {
            (loader as IDisposable)?.Dispose();
            throw;
        }
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        new[] { GetRowCursor(columnsNeeded, rand) };

    public void Dispose()
    {
        (_schemaSource as IDisposable)?.Dispose();
        _file.Dispose();
    }

    /// <summary>A loader's cursor that answers with the view's schema and closes the loader when disposed.</summary>
    private sealed class OwningCursor(DataViewRowCursor inner, IDisposable? loader, DataViewSchema schema) : DataViewRowCursor
    {
        public override DataViewSchema Schema => schema;

        public override long Position => inner.Position;

        public override long Batch => inner.Batch;

        public override bool MoveNext() => inner.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) => inner.IsColumnActive(inner.Schema[column.Index]);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => inner.GetGetter<TValue>(inner.Schema[column.Index]);

        public override ValueGetter<DataViewRowId> GetIdGetter() => inner.GetIdGetter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
                loader?.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
