using Microsoft.ML.Data;

namespace MsaMl.Trainers.Training;

/// <summary>
/// Accumulates fixed-size float rows: straight into one array when the row count is known,
/// otherwise into chunks of about 16 M floats, so reading a large feature column never holds
/// more than the data plus one final copy (a growing List would hold up to three times it).
/// </summary>
internal sealed class RowStore
{
    private const long ChunkFloats = 16L << 20;
    private readonly int _rowSize;
    private readonly int _rowsPerChunk;
    private readonly List<float[]> _chunks = new();
    private int _rowsInLast;

    public RowStore(int rowSize, long? knownRows)
    {
        _rowSize = rowSize;
        _rowsPerChunk = knownRows is long n and > 0 && n * rowSize <= Array.MaxLength
            ? (int)n
            : (int)Math.Max(1, ChunkFloats / Math.Max(rowSize, 1));
    }

    public int Rows { get; private set; }

    public void Append(in VBuffer<float> row)
    {
        if (row.Length != _rowSize) throw new InvalidDataException($"Expected rows of {_rowSize} values, got {row.Length}.");
        if (_chunks.Count == 0 || _rowsInLast == _rowsPerChunk)
        {
            _chunks.Add(new float[(long)_rowsPerChunk * _rowSize]);
            _rowsInLast = 0;
        }
        var target = _chunks[^1].AsSpan(_rowsInLast * _rowSize, _rowSize);
        if (row.IsDense) row.GetValues().CopyTo(target);
        else row.CopyTo(target);
        _rowsInLast++;
        Rows++;
    }

    /// <summary>All rows, row-major, in one array (the single chunk itself when it is exactly full).</summary>
    public float[] ToArray()
    {
        long total = (long)Rows * _rowSize;
        if (_chunks.Count == 1 && _chunks[0].LongLength == total) return _chunks[0];
        var all = new float[total];
        long offset = 0;
        for (int i = 0; i < _chunks.Count; i++)
        {
            long length = i == _chunks.Count - 1 ? (long)_rowsInLast * _rowSize : _chunks[i].LongLength;
            Array.Copy(_chunks[i], 0, all, offset, length);
            offset += length;
        }
        _chunks.Clear();
        return all;
    }
}
